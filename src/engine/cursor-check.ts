// Saved cursors are checked before a stream starts: a value that is not what the stream writes (a day for
// `date`, else an ISO time or Unix seconds) reached the engine's date arithmetic and failed as UNEXPECTED.
// Guessing instead (re-read everything) could silently re-emit months of data, so the stream fails, saying
// which value is wrong and what to do; the other streams still run.
import { isDay } from './dates.js';
import { configError } from './errors.js';
import type { CursorValue, StreamState } from './state.js';

export function checkCursors(cursorField: string | undefined, prior: StreamState | undefined): void {
  if (cursorField === undefined) return;
  for (const entry of prior?.states ?? []) {
    const value = entry.cursor[cursorField];
    if (value === undefined || readable(cursorField, value)) continue;
    const shown = JSON.stringify(value).slice(0, 60);
    const wanted = cursorField === 'date' ? 'a day such as 2026-01-31' : 'a time';
    throw configError(
      'STATE_CURSOR_INVALID',
      `the saved state's ${cursorField} cursor for ${JSON.stringify(entry.partition)} is ${shown}, which is not ${wanted}. Fix that value in the state, or reset this stream (remove its entry from the state) to re-read it from start_date.`,
    );
  }
}

function readable(field: string, value: CursorValue): boolean {
  if (field === 'date') return typeof value === 'string' && isDay(value);
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0;
  return Number.isFinite(Date.parse(value));
}
