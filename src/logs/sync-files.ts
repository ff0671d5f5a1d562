// The Compliance log file listing as an incremental stream. Rules, decided once:
// - the cursor is the `end_time` of the last file handed out, per workspace and event type, sent back
//   as `after` (the API lists files whose end_time is strictly later) exactly as the API wrote it;
// - a first sync starts at start_date 00:00Z, or 30 days back (the API keeps files 30 days), clamped
//   to those 30 days with a warning;
// - pages follow the listing (log-listing.ts), which stops at the signpost; files come in ascending
//   end_time, so each page checkpoints;
// - a file stamped after the signpost (the time the stream's sync began) is emitted, but moves the cursor
//   only to the signpost, with a WARN (signpost.ts).
import { compareInstants } from './instants.js';
import { listLogFiles, partitionText, type LogFileRef, type LogListing } from './listing.js';
import { FutureStamps } from '../engine/signpost.js';
import { PartitionCursors, type StreamState } from '../engine/state.js';
import { itemsOf, type EngineDeps, type Partition, type Row, type SyncEvent } from '../engine/types.js';

// The listing's types, where the planners and tests have always found them.
export type { LogFileRef, LogListing } from './listing.js';

const DAY_MS = 86_400_000;

export interface LogFilesPlan extends LogListing {
  toRecords(rows: Row[], partition: Partition): Row[];
}

/** Where a partition's listing starts, and the start_date it clamped, if any. */
export function listingStart(
  listing: LogListing,
  saved: string | undefined,
  nowMs: number,
): { after: string; clampedFrom?: string } {
  if (saved !== undefined) return { after: saved };
  const limitMs = nowMs - listing.maxDaysBack * DAY_MS;
  if (listing.startDate === undefined) return { after: new Date(limitMs).toISOString() };
  const startMs = Date.parse(`${listing.startDate}T00:00:00Z`);
  if (startMs < limitMs) return { after: new Date(limitMs).toISOString(), clampedFrom: listing.startDate };
  return { after: `${listing.startDate}T00:00:00Z` };
}

/**
 * Moves a partition's cursor to a file's end_time, keeping the later of the saved and the new cursor, as
 * instants, but never past the signpost; returns the WARN for a file stamped after it.
 */
export function advanceCursor(
  cursors: PartitionCursors,
  partition: Partition,
  file: LogFileRef,
  future: FutureStamps,
  signpost: string,
): SyncEvent[] {
  const late = (compareInstants(file.endTime, signpost) ?? -1) > 0;
  const endTime = late ? signpost : file.endTime;
  const saved = cursors.get(partition);
  if (typeof saved !== 'string' || (compareInstants(endTime, saved) ?? 1) > 0)
    cursors.set(partition, endTime);
  return late
    ? future.warning(`log file ${file.id} (${partitionText(partition)})`, file.endTime, signpost)
    : [];
}

/** One WARN per stream when start_date reaches past the API's retention. */
export function clampWarning(listing: LogListing, clampedFrom: string, after: string): SyncEvent {
  return {
    type: 'log',
    level: 'WARN',
    message: `${listing.stream}: start_date ${clampedFrom} is more than ${listing.maxDaysBack} days back, the API's limit (files are kept ${listing.maxDaysBack} days); reading from ${after} instead.`,
  };
}

export async function* syncLogFiles(
  plan: LogFilesPlan,
  prior: StreamState | undefined,
  deps: EngineDeps,
): AsyncGenerator<SyncEvent> {
  const cursors = new PartitionCursors(plan.cursorField, prior);
  const nowMs = deps.now();
  const signpost = new Date(nowMs).toISOString();
  const future = new FutureStamps(plan.stream, signpost);
  let warned = false;
  for (const partition of plan.partitions) {
    const saved = cursors.get(partition);
    const start = listingStart(plan, typeof saved === 'string' ? saved : undefined, nowMs);
    if (start.clampedFrom !== undefined && !warned) {
      warned = true;
      yield clampWarning(plan, start.clampedFrom, start.after);
    }
    for await (const files of listLogFiles(plan, partition, start.after, signpost)) {
      yield {
        type: 'records',
        records: itemsOf(
          plan.toRecords(
            files.map((f) => f.row),
            partition,
          ),
        ),
      };
      for (const f of files) yield* advanceCursor(cursors, partition, f, future, signpost);
      yield { type: 'state', state: cursors.snapshot() };
    }
  }
  yield { type: 'state', state: cursors.snapshot() };
}
