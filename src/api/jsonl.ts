// JSON Lines from a local file, one line at a time: memory stays bounded whatever the file size. The last
// line may lack its newline (the Compliance API does both); a \r before the \n is dropped. Lines are split
// on the newline byte in reused 1 MiB buffers and decoded one by one: readline's decoder and regex cost a
// fifth of a compliance sync. U+2028 / U+2029 inside prompts are not line ends here.
import { open } from 'node:fs/promises';
import type { LogLine } from '../engine/sync-log-events.js';

const CHUNK = 1024 * 1024;
const NEWLINE = 0x0a;
const CR = 0x0d;
const BOM = '\uFEFF';

function lineOf(number: number, bytes: Buffer): LogLine | undefined {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
  let text = bytes.toString('utf8', 0, end);
  if (number === 1 && text.startsWith(BOM)) text = text.slice(1);
  if (text.trim() === '') return undefined;
  try {
    return { line: number, value: JSON.parse(text) as unknown, bytes: end };
  } catch (error) {
    return { line: number, error: error instanceof Error ? error.message : String(error) };
  }
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
        const whole = carry.length > 0 ? Buffer.concat([...carry, piece]) : piece;
        carry = [];
        start = nl + 1;
        // Decoded before the next read reuses the chunk.
        const line = lineOf(++number, whole);
        if (line !== undefined) yield line;
      }
      if (start < bytesRead) carry.push(Buffer.from(view.subarray(start)));
    }
    if (carry.length > 0) {
      const line = lineOf(++number, Buffer.concat(carry));
      if (line !== undefined) yield line;
    }
  } finally {
    await file.close();
  }
}
