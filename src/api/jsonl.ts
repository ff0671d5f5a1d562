// JSON Lines from a local file, one line at a time: memory stays bounded whatever the file size. The last
// line may lack its newline (the Compliance API does both); a \r before the \n is dropped. Lines are split
// on the newline byte in reads of up to 1 MiB and decoded one by one: readline's decoder and regex cost a
// fifth of a compliance sync. U+2028 / U+2029 inside prompts are not line ends here. Each read gets a fresh
// buffer, so a line's bytes can be kept as a view into it rather than copied.
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { attachRawJson } from '../engine/raw-json.js';
import type { LogLine } from '../engine/sync-log-events.js';
import { isRow } from './envelopes.js';

const CHUNK = 1024 * 1024;
const NEWLINE = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from('\uFEFF');

/** The line's JSON, and its bytes kept beside an object so they can be emitted as they are (engine/raw-json.ts). */
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
    return { line: number, error: error instanceof Error ? error.message : String(error) };
  }
  // Invalid UTF-8 decodes to U+FFFD: the bytes would then differ from the value, so only valid ones are kept.
  if (isRow(value) && isUtf8(body)) attachRawJson(value, body);
  return { line: number, value, bytes: body.length };
}

export async function* readJsonLines(path: string): AsyncGenerator<LogLine> {
  const file = await open(path, 'r');
  // The start of a line that runs past the end of a read.
  let carry: Buffer[] = [];
  let number = 0;
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
        const piece = view.subarray(start, nl);
        const whole = carry.length > 0 ? Buffer.concat([...carry, piece]) : piece;
        carry = [];
        start = nl + 1;
        const line = lineOf(++number, whole);
        if (line !== undefined) yield line;
      }
      if (start < bytesRead) carry.push(view.subarray(start));
    }
    if (carry.length > 0) {
      const line = lineOf(++number, Buffer.concat(carry));
      if (line !== undefined) yield line;
    }
  } finally {
    await file.close();
  }
}
