import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { attachRawJson, setFields } from '../../src/engine/raw-json.js';
import type { Row } from '../../src/engine/types.js';
import { escapeLineBreakerBytes, recordMessage, type Message } from '../../src/protocol/messages.js';
import { Output, Redactor } from '../../src/protocol/output.js';

/** A message as Output writes it: JSON text, separators escaped in its bytes. */
const lineOf = (message: Message) =>
  escapeLineBreakerBytes(Buffer.from(JSON.stringify(message))).toString('utf8');

describe('a message as written', () => {
  it('escapes every separator that Python splitlines() breaks on, so one message stays one line', () => {
    const text = 'a\u2028b\u2029c\u0085d\u000be\u000cf\u001cg\u001dh\u001ei\nj\rk';
    const line = lineOf(recordMessage('s', { title: text }, 1));
    // eslint-disable-next-line no-control-regex -- the separators under test are control characters
    expect(line).not.toMatch(/[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/);
    expect((JSON.parse(line) as { record: { data: { title: string } } }).record.data.title).toBe(text);
  });
});

describe('Output', () => {
  it('redacts every configured secret and writes one line per message', async () => {
    const sink = new PassThrough();
    let written = '';
    sink.on('data', (d: Buffer) => (written += d.toString()));
    const redactor = new Redactor();
    redactor.add('sk-secret-abcdef');
    const out = new Output(sink, redactor);
    await out.emit({
      type: 'LOG',
      log: { level: 'INFO', message: 'key sk-secret-abcdef leaked twice sk-secret-abcdef' },
    });
    await out.emit(recordMessage('s', { a: 1 }, 2));
    await out.flush();
    expect(written.split('\n').filter(Boolean)).toHaveLength(2);
    expect(written).not.toContain('sk-secret-abcdef');
    expect(written).toContain('**********');
  });
});

describe('Output.emitRecords', () => {
  async function written(rows: Row[], secret?: string): Promise<string> {
    const sink = new PassThrough();
    let text = '';
    sink.on('data', (d: Buffer) => (text += d.toString()));
    const redactor = new Redactor();
    redactor.add(secret);
    const out = new Output(sink, redactor);
    await out.emitRecords('compliance_logs', rows, 1234);
    await out.flush();
    return text;
  }

  const event = (text: string): Row => {
    const row = JSON.parse(text) as Row;
    attachRawJson(row, Buffer.from(text));
    setFields(row, { workspace_id: 'ws', log_file_id: 'f1' });
    return row;
  };

  it('writes a row that keeps its raw bytes as the same message a serialized row gives', async () => {
    const texts = [
      '{"event_id":"e1","prompt_text":"a\u2028b\u0085c"}',
      '{"event_id":"e2","n":[1,{"x":null}]}',
    ];
    const fast = await written(texts.map(event));
    const plain = await written(
      texts.map((t) => ({ ...(JSON.parse(t) as Row), workspace_id: 'ws', log_file_id: 'f1' })),
    );
    expect(fast.split('\n').map((l) => (l === '' ? l : JSON.parse(l)))).toEqual(
      plain.split('\n').map((l) => (l === '' ? l : JSON.parse(l))),
    );
    expect(fast).not.toMatch(/[\u0085\u2028\u2029]/);
    expect(fast.split('\n')).toHaveLength(3);
  });

  it('redacts a secret that arrives inside raw bytes', async () => {
    const text = await written(
      [event('{"event_id":"e1","tool_output":"token sk-secret-abcdef"}')],
      'sk-secret-abcdef',
    );
    expect(text).not.toContain('sk-secret-abcdef');
    expect(text).toContain('**********');
  });
});

describe('escapeLineBreakerBytes', () => {
  it('escapes U+2028, U+2029 and U+0085 in UTF-8 and leaves lookalike sequences (…, “) alone', () => {
    const input = 'a\u2028b\u2029c\u0085d \u2026 \u201c';
    const out = escapeLineBreakerBytes(Buffer.from(input)).toString('utf8');
    expect(out).toBe('a\\u2028b\\u2029c\\u0085d \u2026 \u201c');
    const same = Buffer.from('plain \u2026');
    expect(escapeLineBreakerBytes(same)).toBe(same);
  });
});
