// The --state file: an array of STATE messages, as Airbyte and Meltano send it. Missing file, empty array,
// unknown streams and entries without sourceStats are all fine.
import { access } from 'node:fs/promises';
import { configError } from '../engine/errors.js';
import { readJsonFile } from '../config/load.js';

export interface ParsedState {
  byStream: Map<string, unknown>;
  warnings: string[];
}

export async function loadStateFile(path: string | undefined): Promise<ParsedState> {
  if (path === undefined) return { byStream: new Map(), warnings: [] };
  try {
    await access(path);
  } catch {
    return {
      byStream: new Map(),
      warnings: [`State file ${path} does not exist; starting every stream from start_date.`],
    };
  }
  return parseState(await readJsonFile(path, 'state'));
}

export function parseState(raw: unknown): ParsedState {
  if (!Array.isArray(raw)) {
    throw configError(
      'STATE_INVALID',
      'Invalid state: the state file must be a JSON array of STATE messages ([{"type":"STREAM","stream":{…}}]), as Airbyte passes it.',
    );
  }
  const byStream = new Map<string, unknown>();
  const warnings: string[] = [];
  raw.forEach((entry: unknown, index) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const stream = e.stream as { stream_descriptor?: { name?: unknown }; stream_state?: unknown } | undefined;
    const name = stream?.stream_descriptor?.name;
    if (e.type === 'STREAM' && typeof name === 'string') {
      byStream.set(name, stream?.stream_state ?? {});
    } else {
      warnings.push(`State entry [${index}] is not a STREAM state with a stream_descriptor name; ignored.`);
    }
  });
  return { byStream, warnings };
}
