// JSON Lines from a local file, one line at a time: memory stays bounded whatever the file size. The last
// line may lack its newline (the Compliance API does both); a \r before the \n is dropped. Lines are split
// on the newline byte in reused 1 MiB buffers and decoded one by one: readline's decoder and regex cost a
// fifth of a compliance sync. U+2028 / U+2029 inside prompts are not line ends here.
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { attachRawJson } from '../engine/raw-json.js';
import type { LogLine } from '../engine/sync-log-events.js';
import type { Row } from '../engine/types.js';

const CHUNK = 1024 * 1024;
const NEWLINE = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from('\uFEFF');

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The line's JSON, and its bytes kept beside an object so they can be emitted as they are (engine/raw-json.ts).
 * `owned`: the bytes are the caller's to keep; otherwise they are copied out of the reused chunk.
 */
function lineOf(number: number, bytes: Buffer, owned: boolean): LogLine | undefined {
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
  if (isObject(value) && isUtf8(body)) attachRawJson(value, owned ? body : Buffer.from(body));
  return { line: number, value, bytes: body.length };
}

export async function* readJsonLines(path: string): AsyncGenerator<LogLine> {
  const file = await open(path, 'r');
  const chunk = Buffer.allocUnsafe(CHUNK);
  // The start of a line that runs past the end of a chunk (copied: the chunk is reused).
  let carry: Buffer[] = [];
  let number = 0;
  try {
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const view = chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl = view.indexOf(NEWLINE); nl !== -1; nl = view.indexOf(NEWLINE, start)) {
        const piece = view.subarray(start, nl);
        const owned = carry.length > 0;
        const whole = owned ? Buffer.concat([...carry, piece]) : piece;
        carry = [];
        start = nl + 1;
        // Decoded (and its bytes copied) before the next read reuses the chunk.
        const line = lineOf(++number, whole, owned);
        if (line !== undefined) yield line;
      }
      if (start < bytesRead) carry.push(Buffer.from(view.subarray(start)));
    }
    if (carry.length > 0) {
      const line = lineOf(++number, Buffer.concat(carry), true);
      if (line !== undefined) yield line;
    }
  } finally {
    await file.close();
  }
}
