// Redaction by piece: a property test over random keys, random echo positions and lengths, and random text
// around them; then the two writers (Airbyte stdout, the Singer tap's stderr) that must use it.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AIRBYTE_LINES, errorTrace, logMessage, recordMessage } from '../../src/protocol/messages.js';
import { Output } from '../../src/output/output.js';
import { PIECE, Redactor } from '../../src/output/redactor.js';
import { StderrLog } from '../../src/singer/log.js';

const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const keyBody = fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 8, maxLength: 64 });
const prefix = fc.constantFrom(
  '',
  'sk-',
  'sk-admin-',
  'sk-proj-',
  'sk-codex-compliance-',
  'sk-codex-analytics-',
);
const key = fc.tuple(prefix, keyBody).map(([p, b]) => ({ key: p + b, publicLength: p.length }));
const filler = fc.string({ maxLength: 60 });

/** Every PIECE-character window of the key that reaches past its public prefix. */
function secretPieces(k: { key: string; publicLength: number }): string[] {
  const out: string[] = [];
  for (let at = 0; at + PIECE <= k.key.length; at++)
    if (at + PIECE > k.publicLength) out.push(k.key.slice(at, at + PIECE));
  return out;
}

const leaked = (text: string, keys: { key: string; publicLength: number }[]) =>
  keys.flatMap(secretPieces).filter((piece) => text.includes(piece));

describe('Redactor (property)', () => {
  it('given any key echoed in any part of 8 or more characters at any position, then no 8-character piece survives', () => {
    fc.assert(
      fc.property(key, fc.nat(), fc.nat(), filler, filler, (k, a, b, before, after) => {
        const start = a % (k.key.length - PIECE + 1);
        const length = PIECE + (b % (k.key.length - start - PIECE + 1));
        const text = `${before}${k.key.slice(start, start + length)}${after}`;
        const r = new Redactor();
        r.add(k.key);
        expect(leaked(r.redact(text), [k])).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('given several keys echoed in pieces side by side and repeated, then none survives', () => {
    fc.assert(
      fc.property(
        fc.array(key, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), filler), { maxLength: 6 }),
        (keys, echoes) => {
          const r = new Redactor();
          for (const k of keys) r.add(k.key);
          const text = echoes
            .map(([which, at, gap], i) => {
              const k = keys[(which + i) % keys.length] as { key: string };
              const s = at % (k.key.length - PIECE + 1);
              return k.key.slice(s) + gap;
            })
            .join('');
          expect(leaked(r.redact(text), keys)).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('given text that holds no piece of a key, then it is returned unchanged', () => {
    fc.assert(
      fc.property(key, fc.string({ maxLength: 200 }), (k, text) => {
        fc.pre(leaked(text, [k]).length === 0 && !text.includes(k.key));
        const r = new Redactor();
        r.add(k.key);
        expect(r.redact(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the public prefix: a key sk-codex-compliance-… does not mask the word compliance_api_key', () => {
    const r = new Redactor();
    r.add('sk-codex-compliance-Zq81xYw02LmNoPqR');
    expect(r.redact('compliance_api_key was rejected')).toBe('compliance_api_key was rejected');
    expect(r.redact('got sk-codex-compliance-Zq81xYw0')).toBe('got sk-codex-comp**********');
  });

  it('masks a piece of hash_salt too (no public prefix for salts)', () => {
    const r = new Redactor();
    r.add('my-secret-salt-2026');
    expect(r.redact('echo: secret-salt')).toBe('echo: **********');
  });

  it('redacts every string of a message value, keys included, without changing the value', () => {
    const r = new Redactor();
    r.add('sk-AbCdEfGh12345678');
    const message = { a: ['x AbCdEfGh1234 y'], Gh123456: 1 };
    expect(r.redactValue(message)).toEqual({ a: ['x ********** y'], '**********': 1 });
    expect(message.a[0]).toBe('x AbCdEfGh1234 y');
  });
});

describe('writers use the piece redactor', () => {
  const KEY = 'sk-admin-Q3vL9pX2mK7tR4wZ8yB1nC6d';
  const echo = KEY.slice(12, 28);

  it('given a TRACE and a LOG quoting 16 characters of a key, then stdout holds no piece; a record passes whole but for a whole key', async () => {
    const sink = new PassThrough();
    let written = '';
    sink.on('data', (d: Buffer) => (written += d.toString()));
    const redactor = new Redactor();
    redactor.add(KEY);
    const out = new Output(sink, redactor, AIRBYTE_LINES);
    await out.emit(errorTrace(`The API said: bad key ${echo}`, 'config_error', 1, 'usage', 'HTTP_401'));
    await out.emit(logMessage('WARN', `Retrying: ${echo}`));
    await out.emit(recordMessage('usage', { note: `full ${KEY}` }, 1));
    await out.flush();
    expect(leaked(written, [{ key: KEY, publicLength: 9 }])).toEqual([]);
    expect(written).toContain('bad key **********');
  });

  it('given a secret made of words, then a CATALOG or STATE keeps its names (only log, trace and status messages lose pieces)', async () => {
    const sink = new PassThrough();
    let written = '';
    sink.on('data', (d: Buffer) => (written += d.toString()));
    const redactor = new Redactor();
    redactor.add('<OpenAI organization Admin API key>');
    const out = new Output(sink, redactor, AIRBYTE_LINES);
    await out.emit({ type: 'CATALOG', catalog: { streams: [{ name: 'organization_users' }] } });
    await out.emit(logMessage('INFO', 'organization_users: done'));
    await out.flush();
    expect(written).toContain('"name":"organization_users"');
    expect(written).toContain('**********_users: done');
  });

  it('given a Singer stderr line quoting a piece of a key, then it is masked', () => {
    const sink = new PassThrough();
    let written = '';
    sink.on('data', (d: Buffer) => (written += d.toString()));
    const redactor = new Redactor();
    redactor.add(KEY);
    new StderrLog(sink, redactor).write('ERROR', `usage: The API said: ${echo}`);
    expect(written).toBe('ERROR usage: The API said: **********\n');
  });
});
