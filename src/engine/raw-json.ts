// A row may carry the exact JSON bytes it was parsed from (a Compliance log line), so the protocol layer can
// emit them instead of serializing the row again: for large events that serialization and its re-encoding
// were a third of a sync's CPU. The bytes stay true to the row only while it changes through `setFields`;
// whatever else changes a row must `dropRawJson` first. The bytes sit under a non-enumerable symbol:
// JSON.stringify ignores them and a spread copy (`{...row}`, which may then change) does not inherit them, so
// a consumer that knows nothing of this (the Singer adapter, tests) sees exactly the row.
import type { Row } from './types.js';

const RAW_JSON = Symbol('rawJson');
type WithRaw = { [RAW_JSON]?: Buffer };

const CLOSE = Buffer.from('}');
const CR = 0x0d;

/** The row's own JSON bytes, if it still has them. */
export function rawJsonOf(row: object): Buffer | undefined {
  return (row as WithRaw)[RAW_JSON];
}

export function dropRawJson(row: object): void {
  delete (row as WithRaw)[RAW_JSON];
}

/**
 * Keeps `bytes` as the row's JSON, when they can stand for it on one output line: they must hold no CR
 * (Python's splitlines() breaks on it, and JSON allows it between tokens). The caller vouches that the
 * bytes are valid UTF-8 and parse to `row`.
 */
export function attachRawJson(row: Row, bytes: Buffer): void {
  if (bytes.indexOf(CR) === -1) keep(row, bytes);
}

function keep(row: object, bytes: Buffer): void {
  Object.defineProperty(row, RAW_JSON, {
    value: bytes,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

/** Index of the object's closing brace: the last byte that is not JSON whitespace. */
function closingBrace(bytes: Buffer): number {
  let i = bytes.length - 1;
  while (i >= 0 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === CR)) i--;
  return bytes[i] === 0x7d ? i : -1;
}

/** Whether only whitespace stands between the object's opening brace and `close`. */
function isEmptyObject(bytes: Buffer, close: number): boolean {
  const open = bytes.indexOf(0x7b);
  return (
    bytes
      .subarray(open + 1, close)
      .toString('latin1')
      .trim() === ''
  );
}

/**
 * Sets string fields on the row, in place, and extends its raw JSON to match by appending them before the
 * closing brace. A field the row already holds with the same value is left where it is; one it holds with
 * another value would repeat in the text, so the raw JSON is dropped and the row serializes normally.
 */
export function setFields(row: Row, fields: Readonly<Record<string, string>>): void {
  const raw = rawJsonOf(row);
  let extra = '';
  let stillTrue = raw !== undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (!Object.prototype.hasOwnProperty.call(row, key)) {
      extra += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
    } else if (row[key] !== value) {
      stillTrue = false;
    }
    row[key] = value;
  }
  if (raw === undefined || !stillTrue) {
    dropRawJson(row);
    return;
  }
  if (extra === '') return;
  const close = closingBrace(raw);
  if (close === -1) {
    dropRawJson(row);
    return;
  }
  const head = raw.subarray(0, close);
  const added = Buffer.from(isEmptyObject(raw, close) ? extra.slice(1) : extra);
  keep(row, Buffer.concat([head, added, CLOSE]));
}
