// A record's raw bytes must always parse to exactly its row; where they cannot follow a change, the record has
// none and the row serializes normally.
import { describe, expect, it } from 'vitest';
import type { RecordItem, Row } from '../../src/engine/types.js';
import { rawLine, withFields } from '../../src/logs/raw-json.js';

function lineOf(text: string): { row: Row; raw: Buffer | undefined } {
  return { row: JSON.parse(text) as Row, raw: rawLine(Buffer.from(text)) };
}

const parsedRaw = (item: RecordItem) => JSON.parse(item.raw?.toString('utf8') ?? 'null') as unknown;

describe('raw JSON of a record', () => {
  it.each([
    ['an object', '{"event_id":"e1","n":1,"nested":{"a":[1,2]}}'],
    ['an object with trailing spaces and tabs', '{"event_id":"e1"}  \t '],
    ['an empty object', '{}'],
    ['an empty object with spaces inside', '{   }'],
    ['text with U+2028 and quotes', '{"prompt_text":"a\u2028b \\"q\\" \u00e9"}'],
  ])('given %s, withFields appends the fields and the bytes still parse to the row', (_name, text) => {
    const { row, raw } = lineOf(text);
    const item = withFields(row, raw, {
      workspace_id: 'ws-1',
      log_file_id: 'eclf_1',
      log_file_end_time: '2026-11-01T00:00:00Z',
    });
    expect(item.raw).toBeDefined();
    expect(parsedRaw(item)).toEqual(JSON.parse(JSON.stringify(item.row)));
    expect(item.row.log_file_id).toBe('eclf_1');
  });

  it('given a field the row already holds with the same value, keeps the bytes and writes no second key', () => {
    const { row, raw } = lineOf('{"event_id":"e1","workspace_id":"ws-1"}');
    const item = withFields(row, raw, { workspace_id: 'ws-1', log_file_id: 'f' });
    expect(item.raw?.toString('utf8').match(/"workspace_id"/g)).toHaveLength(1);
    expect(parsedRaw(item)).toEqual({ event_id: 'e1', workspace_id: 'ws-1', log_file_id: 'f' });
  });

  it('given a field the row holds with another value, keeps no bytes (the row serializes normally)', () => {
    const { row, raw } = lineOf('{"event_id":"e1","workspace_id":"other"}');
    const item = withFields(row, raw, { workspace_id: 'ws-1' });
    expect(item.raw).toBeUndefined();
    expect(item.row.workspace_id).toBe('ws-1');
  });

  it('given no bytes, gives the row with its fields and no bytes', () => {
    const item = withFields({ a: 1 }, undefined, { b: 'x' });
    expect(item).toEqual({ row: { a: 1, b: 'x' } });
  });

  it('never keeps bytes holding a CR, which Python splitlines() would break a line on', () => {
    expect(rawLine(Buffer.from('{"a":\r1}'))).toBeUndefined();
    expect(rawLine(Buffer.from('{"a":1}'))?.toString()).toBe('{"a":1}');
  });
});
