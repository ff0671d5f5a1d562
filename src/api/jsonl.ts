// JSON Lines from a local file, one line at a time: memory stays bounded whatever the file size. The last
// line may lack its newline (the Compliance API does both). readline splits on \n and \r\n only, so the
// U+2028 / U+2029 that prompts carry stay inside their line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LogLine } from '../engine/sync-log-events.js';

export async function* readJsonLines(path: string): AsyncGenerator<LogLine> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of reader) {
      line += 1;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        yield { line, error: error instanceof Error ? error.message : String(error) };
        continue;
      }
      yield { line, value };
    }
  } finally {
    reader.close();
    input.destroy();
  }
}
