// The --state file: an array of STATE messages, as Airbyte and Meltano send it. Missing file, empty array,
// unknown streams and entries without sourceStats are all fine.
import { access } from 'node:fs/promises';
import { configError } from '../engine/errors.js';
import { parseJsonText, readTextFile } from '../config/load.js';

export interface ParsedState {
  byStream: Map<string, unknown>;
  warnings: string[];
}

const SHAPES =
  'accepted: an array of per-stream states ({"type":"STREAM","stream":{"stream_descriptor":{"name":…},"stream_state":{…}}}) or of whole STATE messages ({"type":"STATE","state":{"type":"STREAM",…}})';

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
  const text = await readTextFile(path, 'state');
  // A 0-byte (or blank) file is what a scheduler writes before the first state exists: no state yet.
  if (text.trim() === '') return { byStream: new Map(), warnings: [] };
  return parseState(parseJsonText(text, `state file ${path}`));
}

export function parseState(raw: unknown): ParsedState {
  if (!Array.isArray(raw)) {
    throw configError(
      'STATE_INVALID',
      `Invalid state: the state file must be a JSON array of STATE messages, as Airbyte passes it; ${SHAPES}.`,
    );
  }
  const byStream = new Map<string, unknown>();
  const warnings: string[] = [];
  raw.forEach((entry: unknown, index) => {
    const e = streamStateOf(entry);
    const stream = e.stream as { stream_descriptor?: { name?: unknown }; stream_state?: unknown } | undefined;
    const name = stream?.stream_descriptor?.name;
    if (e.type === 'STREAM' && typeof name === 'string') {
      byStream.set(name, stream?.stream_state ?? {});
    } else {
      warnings.push(`State entry [${index}] has a shape this connector does not read; ignored (${SHAPES}).`);
    }
  });
  return { byStream, warnings };
}

/** The per-stream state of an entry, unwrapping a whole Airbyte STATE message ({"type":"STATE","state":…}). */
function streamStateOf(entry: unknown): Record<string, unknown> {
  const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  if (e.type !== 'STATE') return e;
  const inner = e.state;
  return (typeof inner === 'object' && inner !== null ? inner : {}) as Record<string, unknown>;
}
