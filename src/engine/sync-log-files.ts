// The Compliance log file listing as an incremental stream. Rules, decided once:
// - the cursor is the `end_time` of the last file handed out, per workspace and event type, sent back
//   as `after` (the API lists files whose end_time is strictly later) exactly as the API wrote it;
// - a first sync starts at start_date 00:00Z, or 30 days back (the API keeps files 30 days), clamped
//   to those 30 days with a warning;
// - pages follow `last_end_time`; has_more with a null or non-advancing last_end_time is an API fault
//   that fails the stream instead of looping; files come in ascending end_time, so each page checkpoints.
import { SourceError, systemError } from './errors.js';
import { compareInstants, instantNs } from './instants.js';
import type { Page } from './paging.js';
import { PartitionCursors, type StreamState } from './state.js';
import type { EngineDeps, Partition, Row, SyncEvent } from './types.js';

const DAY_MS = 86_400_000;

export interface LogFileRef {
  id: string;
  /** The listing's end_time, verbatim. */
  endTime: string;
  row: Row;
}

export interface LogListing {
  stream: string;
  cursorField: string;
  partitions: Partition[];
  startDate: string | undefined;
  /** Days the API keeps files (30). */
  maxDaysBack: number;
  /** One page of the listing of files strictly after `after`; `next` is its last_end_time. */
  listPage(partition: Partition, after: string): Promise<Page<Row>>;
}

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

/** The files of one partition after `after`, page by page, each page in listing order. */
export async function* listLogFiles(
  listing: LogListing,
  partition: Partition,
  after: string,
): AsyncGenerator<LogFileRef[]> {
  let from = after;
  for (;;) {
    const page = await listing.listPage(partition, from);
    const files = page.rows.map((row) => fileRef(listing.stream, row));
    // `after` is strict on the API side; a file at or before it would be a re-listing bug: skip it.
    const fresh = files.filter((f) => (compareInstants(f.endTime, from) ?? 1) > 0);
    if (fresh.length > 0) yield fresh;
    if (!page.hasMore) return;
    from = nextAfter(listing.stream, partition, from, page.next);
  }
}

function nextAfter(stream: string, partition: Partition, from: string, next: string | null): string {
  const where = `${stream} (${partitionLabel(partition)})`;
  if (next === null) {
    throw new SourceError(
      `${where}: the Compliance API said has_more but gave last_end_time null; stopping instead of looping. This is an API fault; retry later or report it.`,
      { code: 'PAGING_NO_TOKEN', failureType: 'system_error' },
    );
  }
  if ((compareInstants(next, from) ?? 0) <= 0) {
    throw new SourceError(
      `${where}: the Compliance API said has_more but last_end_time ${next} does not advance past ${from}; stopping instead of looping forever. This is an API fault; retry later or report it.`,
      { code: 'PAGING_NOT_ADVANCING', failureType: 'system_error' },
    );
  }
  return next;
}

/** `workspace …, CODEX_LOG` or `organization org-…, COSTS`, for messages. */
export function partitionLabel(partition: Partition): string {
  const scope =
    partition.organization_id !== undefined
      ? `organization ${partition.organization_id}`
      : `workspace ${partition.workspace_id ?? '?'}`;
  return `${scope}, ${partition.event_type ?? '?'}`;
}

export function fileRef(stream: string, row: Row): LogFileRef {
  const { id, end_time: endTime } = row;
  if (
    typeof id !== 'string' ||
    id === '' ||
    typeof endTime !== 'string' ||
    instantNs(endTime) === undefined
  ) {
    throw systemError(
      'MALFORMED_ROW',
      `${stream}: a log file in the listing lacks an id or a parseable end_time.`,
    );
  }
  return { id, endTime, row };
}

/** Keeps the later of the saved and the new cursor, as instants. */
export function advanceCursor(cursors: PartitionCursors, partition: Partition, endTime: string): void {
  const saved = cursors.get(partition);
  if (typeof saved !== 'string' || (compareInstants(endTime, saved) ?? 1) > 0)
    cursors.set(partition, endTime);
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
  let warned = false;
  for (const partition of plan.partitions) {
    const saved = cursors.get(partition);
    const start = listingStart(plan, typeof saved === 'string' ? saved : undefined, nowMs);
    if (start.clampedFrom !== undefined && !warned) {
      warned = true;
      yield clampWarning(plan, start.clampedFrom, start.after);
    }
    for await (const files of listLogFiles(plan, partition, start.after)) {
      yield {
        type: 'records',
        records: plan.toRecords(
          files.map((f) => f.row),
          partition,
        ),
      };
      for (const f of files) advanceCursor(cursors, partition, f.endTime);
      yield { type: 'state', state: cursors.snapshot() };
    }
  }
  yield { type: 'state', state: cursors.snapshot() };
}
