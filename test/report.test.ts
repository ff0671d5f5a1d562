// The HTML report from the marts: self-contained, every chart present, and email_handling respected (a
// hashed or dropped email never shows), over real syncs of the simulator by the built connector.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { emailHandlingOf, writeReport } from '../src/report/index.js';
import { buildWarehouse, ensureBuilt, type Warehouse } from './helpers/warehouse.js';

const CHARTS = ['adoption', 'credits-by-client', 'credits-by-model', 'review-findings', 'api-cost'];
const ADDRESS = /[\w.+-]+@[\w-]+\.example\.com/g;

async function landedEmails(w: Warehouse): Promise<string[]> {
  const instance = await DuckDBInstance.create(w.paths.database);
  const c = await instance.connect();
  try {
    const rows = (
      await c.runAndReadAll('select distinct email from usage where email is not null')
    ).getRows();
    return rows.map((r) => String(r[0]));
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

async function report(w: Warehouse): Promise<string> {
  const config: unknown = JSON.parse(readFileSync(w.paths.config, 'utf8'));
  const out = join(w.paths.dir, 'report.html');
  const result = await writeReport({
    database: w.paths.database,
    out,
    emailHandling: emailHandlingOf(config),
  });
  expect(result.charts).toEqual(CHARTS);
  return readFileSync(out, 'utf8');
}

beforeAll(ensureBuilt, 120_000);

describe.each([
  ['keep', {}],
  ['hash', { email_handling: 'hash', hash_salt: 'report-test-salt' }],
  ['drop', { email_handling: 'drop' }],
] as const)('the report, with email_handling %s', (mode, config) => {
  let w: Warehouse;
  let html: string;
  let emails: string[];

  beforeAll(async () => {
    w = await buildWarehouse(undefined, config);
    emails = await landedEmails(w);
    html = await report(w);
  }, 180_000);

  afterAll(async () => {
    await w?.close();
  });

  it('is one self-contained file: inline SVG charts, no script, nothing fetched', () => {
    for (const id of CHARTS)
      expect(html).toMatch(
        new RegExp(`data-chart="${id}"><h2>[^<]+</h2>\\s*<figcaption>[^<]*</figcaption><svg`),
      );
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('shows emails only when they were kept, never a hash', () => {
    const shown = html.match(ADDRESS) ?? [];
    if (mode === 'keep') {
      expect(emails.every((e) => e.includes('@'))).toBe(true);
      expect(shown.length).toBeGreaterThan(0);
    } else {
      expect(shown).toEqual([]);
      if (mode === 'hash') expect(emails.every((e) => /^[0-9a-f]{64}$/.test(e))).toBe(true);
      if (mode === 'drop') expect(emails).toEqual([]);
      for (const e of emails) expect(html).not.toContain(e.slice(0, 16));
      expect(html).toMatch(/<td>user-[\w]+<\/td>/);
    }
  });
});

describe('emailHandlingOf', () => {
  it('given no email_handling, then keep (the connector default); given a wrong value, then it says so', () => {
    expect(emailHandlingOf({})).toBe('keep');
    expect(emailHandlingOf({ email_handling: 'drop' })).toBe('drop');
    expect(() => emailHandlingOf({ email_handling: 'mask' })).toThrow(/email_handling.*keep, hash or drop/);
  });
});

describe('npm run report (dist/report.js)', () => {
  const REPORT = new URL('../dist/report.js', import.meta.url).pathname;
  const run = (args: string[]) => spawnSync(process.execPath, [REPORT, ...args], { encoding: 'utf8' });

  it('given a demo folder, then it writes codex-report.html there and prints its path', async () => {
    const w = await buildWarehouse();
    try {
      const result = run(['--dir', w.paths.dir]);
      const path = join(w.paths.dir, 'codex-report.html');
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^Report: \S*codex-report\.html$/);
      expect(existsSync(path)).toBe(true);
    } finally {
      await w.close();
    }
  }, 180_000);

  it('given a folder without a database, then it exits 1 and says to run the demo first', () => {
    const empty = mkdtempSync(join(tmpdir(), 'codex-report-empty-'));
    try {
      const result = run(['--dir', empty]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/No database at .*codex\.duckdb: run `npm run demo` first/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
