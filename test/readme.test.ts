import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withStreamTable } from '../src/stream-docs.js';
import { STREAMS } from '../src/streams.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('opens with the two commands: the demo and the tests', () => {
    const head = README.split('\n').slice(0, 30).join('\n');
    expect(head).toContain('npm ci && npm run demo');
    expect(head).toContain('npm ci && npm test');
  });

  it('lists every stream as the stream table says (run `npm run build && npm run docs` to refresh)', () => {
    expect(withStreamTable(README, STREAMS)).toBe(README);
    for (const s of STREAMS) expect(README).toContain(`| \`${s.name}\` |`);
  });

  it('documents every config key of the spec', async () => {
    const { connectionSpecification } = await import('../src/protocol/spec.js');
    const keys = Object.keys(connectionSpecification().properties as object);
    for (const key of keys) expect(README, key).toContain(`\`${key}\``);
  });
});
