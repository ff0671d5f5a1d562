// The --state file: Singer state, `{"bookmarks":{"<stream>":<the engine's stream state>}}`, the `value` of the
// last STATE message, as Meltano passes it. A whole STATE message or Meltano's `{"singer_state":…}` export is
// unwrapped too. Bookmarks of streams not synced this time are kept and written back untouched.
import { access } from 'node:fs/promises';
import { readJsonFile } from '../config/load.js';
import { configError } from '../engine/errors.js';

export interface SingerState {
  bookmarks: Record<string, unknown>;
  warnings: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export async function loadSingerState(path: string | undefined): Promise<SingerState> {
  if (path === undefined) return { bookmarks: {}, warnings: [] };
  try {
    await access(path);
  } catch {
    return {
      bookmarks: {},
      warnings: [`State file ${path} does not exist; starting every stream from start_date.`],
    };
  }
  return parseSingerState(await readJsonFile(path, 'state'));
}

function unwrap(raw: Record<string, unknown>): unknown {
  if (raw.type === 'STATE' && 'value' in raw) return raw.value;
  if ('singer_state' in raw) return raw.singer_state;
  return raw;
}

export function parseSingerState(raw: unknown): SingerState {
  if (Array.isArray(raw)) {
    throw configError(
      'STATE_INVALID',
      'Invalid state: this is an Airbyte state array; the Singer tap takes {"bookmarks":{"<stream>":…}}, the value of its last STATE message.',
    );
  }
  const state = isObject(raw) ? unwrap(raw) : raw;
  const bookmarks = isObject(state) ? (state.bookmarks ?? {}) : undefined;
  if (!isObject(bookmarks)) {
    throw configError(
      'STATE_INVALID',
      'Invalid state: the Singer state file must be a JSON object {"bookmarks":{"<stream>":…}}, the value of the last STATE message.',
    );
  }
  return { bookmarks: { ...bookmarks }, warnings: [] };
}
