import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { recordMessage, serialize } from '../../src/protocol/messages.js';
import { Output, Redactor } from '../../src/protocol/output.js';

describe('serialize', () => {
  it('escapes every separator that Python splitlines() breaks on, so one message stays one line', () => {
    const text = 'a\u2028b\u2029c\u0085d\u000be\u000cf\u001cg\u001dh\u001ei\nj\rk';
    const line = serialize(recordMessage('s', { title: text }, 1));
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
