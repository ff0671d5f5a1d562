// A Compliance log event may go out as the exact JSON bytes of its line rather than serialized again: for
// large events that serialization and its re-encoding were a third of a sync's CPU. The bytes ride beside
// the row in its RecordItem (engine/types.ts), and stay true to it only through withFields below, which adds
// the pipeline's string fields to both. Anything else that changes a row makes a new item without bytes.
import type { RecordItem, Row } from '../engine/types.js';

const CLOSE = Buffer.from('}');
const CR = 0x0d;

/**
 * The line's bytes, when they can stand for its JSON on one output line: they must hold no CR (Python's
 * splitlines() breaks on it, and JSON allows it between tokens). The caller vouches that the bytes are valid
 * UTF-8 and parse to the row.
 */
export function rawLine(bytes: Buffer): Buffer | undefined {
  return bytes.indexOf(CR) === -1 ? bytes : undefined;
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
 * Sets string fields on the row, in place, and returns it as a record whose bytes are the line's with the
 * fields appended before the closing brace. A field the row already holds with the same value is left where
 * it is; one it holds with another value would repeat in the text, so the record then has no bytes and the
 * row serializes normally.
 */
export function withFields(
  row: Row,
  raw: Buffer | undefined,
  fields: Readonly<Record<string, string>>,
): RecordItem {
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
  if (raw === undefined || !stillTrue) return { row };
  if (extra === '') return { row, raw };
  const close = closingBrace(raw);
  if (close === -1) return { row };
  const head = raw.subarray(0, close);
  const added = Buffer.from(isEmptyObject(raw, close) ? extra.slice(1) : extra);
  return { row, raw: Buffer.concat([head, added, CLOSE]) };
}
