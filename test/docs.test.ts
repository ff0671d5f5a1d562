// The docs page (docs/integrations/sources/openai-codex.md) and CHANGELOG.md: Airbyte's heading order, the
// generated stream table, every config key, every error code the connector can print, a changelog newest first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionSpecification } from '../src/protocol/spec.js';
import { withStreamTable } from '../src/stream-docs.js';
import { STREAMS } from '../src/streams.js';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const PAGE = read('docs/integrations/sources/openai-codex.md');
const CHANGELOG = read('CHANGELOG.md');
const VERSION = (JSON.parse(read('package.json')) as { version: string }).version;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return ['simulator', 'demo', 'generated'].includes(name) ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Error codes in src/: `code: 'X'` (or a `X_${…}` template, as a prefix), `configError('X'`/`systemError('X'`,
 * and, in files that build a SourceError, any other code-shaped literal (codes passed through helpers). */
function errorCodes(): { codes: Set<string>; prefixes: Set<string> } {
  const codes = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/code:\s*'([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1] ?? '');
    for (const m of text.matchAll(/code:\s*`([A-Z][A-Z0-9_]*)\$\{/g)) prefixes.add(m[1] ?? '');
    for (const m of text.matchAll(/(?:configError|systemError)\(\s*'([A-Z][A-Z0-9_]+)'/g))
      codes.add(m[1] ?? '');
    if (/new SourceError|configError\(|systemError\(/.test(text))
      for (const m of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) codes.add(m[1] ?? '');
  }
  return { codes, prefixes };
}

const headings = (level: string) =>
  PAGE.split('\n')
    .filter((l) => l.startsWith(`${level} `))
    .map((l) => l.slice(level.length + 1));

describe('the docs page', () => {
  it("has Airbyte's sections in Airbyte's order", () => {
    expect(PAGE.split('\n')[0]).toBe('# OpenAI Codex');
    const order = [
      'Prerequisites',
      'Setup guide',
      'Supported sync modes',
      'Supported Streams',
      'Performance considerations',
      'Data type map',
      'Troubleshooting',
      'Changelog',
    ];
    const h2 = headings('##');
    expect(h2.filter((h) => order.includes(h))).toEqual(order);
    expect(h2.at(-1)).toBe('Changelog');
    expect(h2.indexOf('State and incremental reads')).toBeGreaterThan(h2.indexOf('Supported Streams'));
  });

  it('lists every stream as the stream table says (run `npm run build && npm run docs` to refresh)', () => {
    expect(withStreamTable(PAGE, STREAMS)).toBe(PAGE);
    for (const s of STREAMS) expect(PAGE).toContain(`| \`${s.name}\` |`);
  });

  it('names every config key', () => {
    const keys = Object.keys(connectionSpecification().properties as object);
    for (const key of keys) expect(PAGE, key).toContain(`\`${key}\``);
  });

  it('documents every error code the connector can print, so a new one cannot go undocumented', () => {
    const { codes, prefixes } = errorCodes();
    expect(codes.size).toBeGreaterThan(10);
    expect(prefixes).toContain('HTTP_');
    const troubleshooting = PAGE.slice(PAGE.indexOf('## Troubleshooting'));
    const missing = [...codes].filter((c) => !troubleshooting.includes(`\`${c}\``));
    expect(missing).toEqual([]);
    for (const p of prefixes) expect(troubleshooting, p).toMatch(new RegExp(`\`${p}(\\d|<)`));
  });
});

describe('the changelogs', () => {
  const rows = PAGE.slice(PAGE.indexOf('## Changelog'))
    .split('\n')
    .filter((l) => /^\| \d+\.\d+\.\d+ \|/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()));

  it('the page has the Airbyte table, newest first, starting at the package version', () => {
    expect(PAGE).toContain('| Version | Date | Pull Request | Subject |');
    expect(rows[0]?.[1]).toBe(VERSION);
    const dates = rows.map((r) => r[2] ?? '');
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('CHANGELOG.md has the same versions, newest first', () => {
    const versions = [...CHANGELOG.matchAll(/^## \[(\d+\.\d+\.\d+)\]/gm)].map((m) => m[1]);
    expect(versions).toEqual(rows.map((r) => r[1]));
  });
});
