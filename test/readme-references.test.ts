// The README names the tests behind its claims; this keeps those names true. Every file path it quotes must
// exist, and in a line that names a test file, each quoted test title ("…a few words…") must be found in one
// of the files that line names — so a renamed, moved or deleted test cannot leave a claim standing alone.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const README = readFileSync('README.md', 'utf8');
const PATH = /`((?:src|test|bench|scripts|acceptance|dbt|integration_tests|vendor)\/[\w./-]+)`/g;
const TITLE = /"…([^"…]+)…"/g;

function pathsIn(text: string): string[] {
  return [...text.matchAll(PATH)].map((m) => m[1] as string);
}

function titlesIn(line: string): string[] {
  return [...line.matchAll(TITLE)].map((m) => (m[1] as string).trim());
}

describe('README references', () => {
  it('finds quoted paths and titles (the check is not vacuous)', () => {
    expect(pathsIn('see `test/a.test.ts` and `src/b.ts`, not `npm test`')).toEqual([
      'test/a.test.ts',
      'src/b.ts',
    ]);
    expect(titlesIn('a line ("…drips a byte…", "…never ends…")')).toEqual(['drips a byte', 'never ends']);
    expect(pathsIn(README).length).toBeGreaterThan(20);
  });

  it('every quoted path exists', () => {
    const missing = [...new Set(pathsIn(README))].filter((p) => !existsSync(p.replace(/\/$/, '')));
    expect(missing).toEqual([]);
  });

  it('every quoted test title is in a test file its line names', () => {
    const unbacked: string[] = [];
    for (const line of README.split('\n')) {
      const titles = titlesIn(line);
      if (titles.length === 0) continue;
      const files = pathsIn(line).filter((p) => /\.test\.ts$/.test(p) && existsSync(p));
      const texts = files.map((f) => readFileSync(f, 'utf8'));
      for (const title of titles)
        if (!texts.some((t) => t.includes(title)))
          unbacked.push(`"${title}" (in ${files.join(', ') || 'no test file'})`);
    }
    expect(unbacked).toEqual([]);
  });
});
