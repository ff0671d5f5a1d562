import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { itemsOf, type RecordItem, type Row } from '../../src/engine/types.js';
import { rawLine, withFields } from '../../src/logs/raw-json.js';
import { escapeLineBreakerBytes } from '../../src/output/lines.js';
import { Output, Redactor, type RecordFrame } from '../../src/output/output.js';
import { AIRBYTE_LINES, airbyteRecords, recordMessage, type Message } from '../../src/protocol/messages.js';
import { SINGER_LINES, singerRecords } from '../../src/singer/messages.js';

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
    const out = new Output(sink, redactor, AIRBYTE_LINES);
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
  async function written(
    items: RecordItem[],
    secret?: string,
    frame: RecordFrame = airbyteRecords('compliance_logs', 1234),
  ): Promise<string> {
    const sink = new PassThrough();
    let text = '';
    sink.on('data', (d: Buffer) => (text += d.toString()));
    const redactor = new Redactor();
    redactor.add(secret);
    const out = new Output(sink, redactor, AIRBYTE_LINES);
    await out.emitRecords(items, frame);
    await out.flush();
    return text;
  }

  const event = (text: string): RecordItem =>
    withFields(JSON.parse(text) as Row, rawLine(Buffer.from(text)), {
      workspace_id: 'ws',
      log_file_id: 'f1',
    });

  it('writes a row that keeps its raw bytes as the same message a serialized row gives', async () => {
    const texts = [
      '{"event_id":"e1","prompt_text":"a\u2028b\u0085c"}',
      '{"event_id":"e2","n":[1,{"x":null}]}',
    ];
    const fast = await written(texts.map(event));
    expect(texts.map(event).every((item) => item.raw !== undefined)).toBe(true);
    const plain = await written(
      itemsOf(texts.map((t) => ({ ...(JSON.parse(t) as Row), workspace_id: 'ws', log_file_id: 'f1' }))),
    );
    expect(fast.split('\n').map((l) => (l === '' ? l : JSON.parse(l)))).toEqual(
      plain.split('\n').map((l) => (l === '' ? l : JSON.parse(l))),
    );
    expect(fast).not.toMatch(/[\u0085\u2028\u2029]/);
    expect(fast.split('\n')).toHaveLength(3);
  });

  it('writes the same Singer RECORD lines from raw bytes as from serialized rows, byte for byte', async () => {
    const texts = [
      '{"event_id":"e1","prompt_text":"a\u00e9 \\"q\\""}',
      '{"event_id":"e2","n":[1,{"x":null}]}',
    ];
    const frame = singerRecords('compliance_logs', '2026-12-03T00:00:00.000Z', new Set());
    const fast = await written(texts.map(event), undefined, frame);
    const plain = await written(
      itemsOf(texts.map((t) => ({ ...(JSON.parse(t) as Row), workspace_id: 'ws', log_file_id: 'f1' }))),
      undefined,
      frame,
    );
    expect(fast).toBe(plain);
    expect(JSON.parse(fast.split('\n')[0] ?? '')).toMatchObject({
      type: 'RECORD',
      stream: 'compliance_logs',
    });
  });

  it('serializes a Singer record with deselected fields, leaving its raw bytes aside', async () => {
    const frame = singerRecords('compliance_logs', '2026-12-03T00:00:00.000Z', new Set(['prompt_text']));
    const text = await written([event('{"event_id":"e1","prompt_text":"secret prompt"}')], undefined, frame);
    expect(text).not.toContain('prompt');
    expect(JSON.parse(text).record).toEqual({ event_id: 'e1', workspace_id: 'ws', log_file_id: 'f1' });
  });

  it('writes LOG messages at once under the Airbyte policy, and holds Singer lines for the batch', async () => {
    const batched = async (policy: typeof AIRBYTE_LINES) => {
      const sink = new PassThrough();
      let text = '';
      sink.on('data', (d: Buffer) => (text += d.toString()));
      new Output(sink, new Redactor(), policy).queue({ type: 'LOG', log: { level: 'INFO', message: 'x' } });
      await new Promise((r) => setImmediate(r));
      return text;
    };
    expect(await batched(AIRBYTE_LINES)).toContain('"LOG"');
    expect(await batched(SINGER_LINES)).toBe('');
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
