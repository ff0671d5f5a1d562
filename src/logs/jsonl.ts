// JSON Lines from a local file, one line at a time: memory stays bounded whatever the file size. The last
// line may lack its newline (the Compliance API does both); a \r before the \n is dropped. Lines are split
// on the newline byte in reads of up to 256 KiB and decoded one by one: readline's decoder and regex cost a
// fifth of a compliance sync. U+2028 / U+2029 inside prompts are not line ends here. Each read gets a fresh
// buffer, so a line's bytes can be kept as a view into it rather than copied.
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { rawLine } from './raw-json.js';
import type { LogLine } from './sync-events.js';
import { isRow } from '../api/envelopes.js';

/**
 * Bytes a read. A read's buffer lives while a line of it waits to be emitted: reads of 1 MiB let a 2 GB sync
 * peak at 195-201 MB RSS, reads of 256 KiB or 64 KiB at 168-175 MB, at the same speed (bench `--only logs`).
 */
const CHUNK = 256 * 1024;
const NEWLINE = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from('\uFEFF');

/** The line's JSON, and its bytes kept beside an object so they can be emitted as they are (raw-json.ts). */
function lineOf(number: number, bytes: Buffer): LogLine | undefined {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
  const start = number === 1 && bytes.subarray(0, BOM.length).equals(BOM) ? BOM.length : 0;
  const body = bytes.subarray(start, end);
  const text = body.toString('utf8');
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line: number, error: whereInvalid(error) };
  }
  // Invalid UTF-8 decodes to U+FFFD: the bytes would then differ from the value, so only valid ones are kept.
  const raw = isRow(value) && isUtf8(body) ? rawLine(body) : undefined;
  return { line: number, value, bytes: body.length, raw };
}

/**
 * Why a line is not JSON, without a character of it: V8's messages quote the input ("Unexpected token 'p',
 * "prompt tex"... is not valid JSON"), and a log line holds prompts that content_handling may have to drop.
 */
function whereInvalid(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return `invalid JSON at character ${position}`;
  return /end of JSON/i.test(message) ? 'invalid JSON: it ends too early' : 'invalid JSON';
}

/**
 * The lines of a file. A line longer than `maxLineBytes` is never held whole: its bytes are dropped as they
 * are read and it comes out as an error line (LOG_LINE_TOO_LONG) for the caller to skip or fail on.
 */
export async function* readJsonLines(path: string, maxLineBytes = Infinity): AsyncGenerator<LogLine> {
  const file = await open(path, 'r');
  // The start of a line that runs past the end of a read; `held` counts its bytes, or is -1 once it is too long.
  let carry: Buffer[] = [];
  let held = 0;
  let number = 0;
  const finish = (piece: Buffer): LogLine | undefined => {
    number += 1;
    const tooLong = held < 0 || held + piece.length > maxLineBytes;
    const whole = carry.length > 0 && !tooLong ? Buffer.concat([...carry, piece]) : piece;
    carry = [];
    held = 0;
    return tooLong ? { line: number, error: 'too long', tooLongBytes: maxLineBytes } : lineOf(number, whole);
  };
  try {
    let left = (await file.stat()).size;
    while (left > 0) {
      const chunk = Buffer.allocUnsafeSlow(Math.min(CHUNK, left));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      left -= bytesRead;
      const view = chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl = view.indexOf(NEWLINE); nl !== -1; nl = view.indexOf(NEWLINE, start)) {
        const line = finish(view.subarray(start, nl));
        start = nl + 1;
        if (line !== undefined) yield line;
      }
      if (start < bytesRead) hold(view.subarray(start));
    }
    if (carry.length > 0 || held < 0) {
      const line = finish(Buffer.alloc(0));
      if (line !== undefined) yield line;
    }
  } finally {
    await file.close();
  }

  function hold(rest: Buffer): void {
    if (held >= 0 && held + rest.length <= maxLineBytes) {
      carry.push(rest);
      held += rest.length;
    } else {
      carry = [];
      held = -1;
    }
  }
}
