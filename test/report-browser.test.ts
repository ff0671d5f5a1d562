// The report opened in headless Chromium (Debian's `chromium`): every chart rendered with a real size, the
// page not blank, no console error, and nothing requested but the file itself.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeReport } from '../src/report/index.js';
import { buildWarehouse, ensureBuilt, type Warehouse } from './helpers/warehouse.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CHARTS = ['adoption', 'credits-by-client', 'credits-by-model', 'review-findings', 'api-cost'];

let w: Warehouse;
let profile: string;
let browser: BrowserContext;
let page: Page;
const problems: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: this test needs Debian's chromium. Install it with ` +
        '`apt-get update && apt-get install -y chromium` (as root; .ci/run does this) and run the test again.',
    );
  ensureBuilt();
  w = await buildWarehouse();
  const out = join(w.paths.dir, 'report.html');
  await writeReport({ database: w.paths.database, out, emailHandling: 'keep' });
  // A fresh profile in a temp folder: nothing from an earlier run, nothing written elsewhere.
  profile = mkdtempSync(join(tmpdir(), 'codex-report-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 900, height: 900 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  await w?.close();
});

/** Browser-side code (as text: the project's TypeScript has no DOM types): decodes a PNG in a canvas and
 * counts the pixels that differ from its top-left pixel. */
const INKED_PIXELS = `async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  let inked = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) inked += 1;
  return inked;
}`;

async function inkedPixels(png: Buffer): Promise<number> {
  return Number(await page.evaluate(`(${INKED_PIXELS})(${JSON.stringify(png.toString('base64'))})`));
}

describe('the report in headless Chromium', () => {
  it.each(CHARTS)('renders the %s chart as an SVG with a non-zero size and marks drawn', async (id) => {
    const chart = page.locator(`figure[data-chart="${id}"] svg`);
    expect(await chart.count()).toBe(1);
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(100);
    expect(await chart.locator('path, rect, line').count()).toBeGreaterThan(10);
    // A chart whose marks failed would be a white rectangle: a few percent of its pixels must be ink.
    const inked = await inkedPixels(await chart.screenshot());
    expect(inked / ((box?.width ?? 1) * (box?.height ?? 1))).toBeGreaterThan(0.03);
  });

  it('shows a page that is not blank', async () => {
    const shot = await page.screenshot({ fullPage: true });
    expect(await inkedPixels(shot)).toBeGreaterThan(50_000);
  });

  it('logs no console error and requests nothing but the report file', () => {
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.endsWith('/report.html'))).toEqual([]);
  });
});
