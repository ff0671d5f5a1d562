// A row's raw JSON must always parse to exactly the row; where it cannot follow a change, it is dropped.
import { describe, expect, it } from 'vitest';
import { attachRawJson, rawJsonOf, setFields } from '../../src/engine/raw-json.js';
import type { Row } from '../../src/engine/types.js';

function rowFrom(text: string): Row {
  const row = JSON.parse(text) as Row;
  attachRawJson(row, Buffer.from(text));
  return row;
}

const parsedRaw = (row: Row) => JSON.parse(rawJsonOf(row)?.toString('utf8') ?? 'null') as unknown;

describe('raw JSON of a row', () => {
  it.each([
    ['an object', '{"event_id":"e1","n":1,"nested":{"a":[1,2]}}'],
    ['an object with trailing spaces and tabs', '{"event_id":"e1"}  \t '],
    ['an empty object', '{}'],
    ['an empty object with spaces inside', '{   }'],
    ['text with U+2028 and quotes', '{"prompt_text":"a\u2028b \\"q\\" \u00e9"}'],
  ])('given %s, setFields appends the fields and the bytes still parse to the row', (_name, text) => {
    const row = rowFrom(text);
    setFields(row, {
      workspace_id: 'ws-1',
      log_file_id: 'eclf_1',
      log_file_end_time: '2026-11-01T00:00:00Z',
    });
    expect(rawJsonOf(row)).toBeDefined();
    expect(parsedRaw(row)).toEqual(JSON.parse(JSON.stringify(row)));
    expect(row.log_file_id).toBe('eclf_1');
  });

  it('given a field the row already holds with the same value, keeps the bytes and writes no second key', () => {
    const row = rowFrom('{"event_id":"e1","workspace_id":"ws-1"}');
    setFields(row, { workspace_id: 'ws-1', log_file_id: 'f' });
    const text = rawJsonOf(row)?.toString('utf8') ?? '';
    expect(text.match(/"workspace_id"/g)).toHaveLength(1);
    expect(parsedRaw(row)).toEqual({ event_id: 'e1', workspace_id: 'ws-1', log_file_id: 'f' });
  });

  it('given a field the row holds with another value, drops the bytes (the row serializes normally)', () => {
    const row = rowFrom('{"event_id":"e1","workspace_id":"other"}');
    setFields(row, { workspace_id: 'ws-1' });
    expect(rawJsonOf(row)).toBeUndefined();
    expect(row.workspace_id).toBe('ws-1');
  });

  it('never keeps bytes holding a CR, which Python splitlines() would break a line on', () => {
    const row = JSON.parse('{"a":1}') as Row;
    attachRawJson(row, Buffer.from('{"a":\r1}'));
    expect(rawJsonOf(row)).toBeUndefined();
  });

  it('is invisible to JSON.stringify and to equality, and a spread copy (which may change) does not inherit it', () => {
    const row = rowFrom('{"a":1}');
    expect(JSON.stringify(row)).toBe('{"a":1}');
    expect(row).toEqual({ a: 1 });
    const copy = { ...row, b: 2 };
    expect(rawJsonOf(copy)).toBeUndefined();
  });
});
