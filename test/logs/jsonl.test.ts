// The JSONL reader of downloaded log files: lines split on newline bytes across 1 MiB reads, numbered as in
// the file, with each object's bytes kept only when they are exactly its valid UTF-8 JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonLines } from '../../src/logs/jsonl.js';
import type { LogLine } from '../../src/logs/lines.js';

const dir = mkdtempSync(join(tmpdir(), 'jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function read(content: string | Buffer): Promise<LogLine[]> {
  const path = join(dir, `${n++}.jsonl`);
  writeFileSync(path, content);
  const out: LogLine[] = [];
  for await (const line of readJsonLines(path)) out.push(line);
  return out;
}

const values = (lines: LogLine[]) => lines.map((l) => ('value' in l ? l.value : l.error));
const raw = (line: LogLine | undefined) =>
  line !== undefined && 'value' in line ? line.raw?.toString('utf8') : undefined;

describe('readJsonLines', () => {
  it('reads LF and CRLF lines, a BOM, a last line without newline, and skips blank lines keeping numbers', async () => {
    const lines = await read('\uFEFF{"a":1}\r\n\n  \n{"b":"x\u2028y"}\n{"c":3}');
    expect(values(lines)).toEqual([{ a: 1 }, { b: 'x\u2028y' }, { c: 3 }]);
    expect(lines.map((l) => l.line)).toEqual([1, 4, 5]);
    expect(lines.map(raw)).toEqual(['{"a":1}', '{"b":"x\u2028y"}', '{"c":3}']);
  });

  it('joins a line that spans several 1 MiB reads, and keeps its bytes', async () => {
    const big = 'z'.repeat(2.5 * 1024 * 1024);
    const lines = await read(`{"a":1}\n{"big":"${big}"}\n{"b":2}\n`);
    expect(lines).toHaveLength(3);
    expect((lines[1] as { value: { big: string } }).value.big).toHaveLength(big.length);
    expect(raw(lines[1])).toBe(`{"big":"${big}"}`);
    expect(values(lines)[2]).toEqual({ b: 2 });
  });

  it('reports a malformed line by number and goes on', async () => {
    const lines = await read('{"a":1}\nnot json\n{"b":2}\n');
    expect(lines[1]).toMatchObject({ line: 2, error: expect.any(String) });
    expect(values(lines)[2]).toEqual({ b: 2 });
  });

  it('keeps no bytes for invalid UTF-8 (they would not match the decoded value) nor for non-objects', async () => {
    const bad = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n[1,2]\n')]);
    const lines = await read(bad);
    expect(values(lines)[0]).toEqual({ a: '\uFFFD\uFFFD' });
    expect(raw(lines[0])).toBeUndefined();
    expect(values(lines)[1]).toEqual([1, 2]);
  });
});
