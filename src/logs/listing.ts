// The Compliance log file listing of one partition (workspace and event type), shared by the log file and the
// log event streams: pages follow `last_end_time`, passed back as `after`; has_more with a null or
// non-advancing last_end_time is an API fault that fails the stream instead of looping; the listing stops at
// the signpost (the time the stream's sync began; later files are the next sync's), and pages that bring no
// new file count toward the progress bound (progress.ts), so a last_end_time creeping forward over empty or
// repeated pages cannot page forever.
import { SourceError, systemError } from '../engine/errors.js';
import { compareInstants, instantNs } from './instants.js';
import type { Page } from '../engine/paging.js';
import { ProgressGuard } from '../engine/progress.js';
import type { Partition, Row } from '../engine/types.js';

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
  /** The listing request, as errors name it (`Compliance API GET /compliance/workspaces/…/logs`). */
  request?(partition: Partition): string;
  /** One page of the listing of files strictly after `after`; `next` is its last_end_time. */
  listPage(partition: Partition, after: string): Promise<Page<Row>>;
}

/** The files of one partition after `after`, page by page, each page in listing order, up to `signpost`. */
export async function* listLogFiles(
  listing: LogListing,
  partition: Partition,
  after: string,
  signpost: string,
): AsyncGenerator<LogFileRef[]> {
  let from = after;
  const request = listing.request?.(partition) ?? 'listing';
  const progress = new ProgressGuard<LogFileRef>(
    `${where(listing.stream, partition)} ${request}`,
    (f) => f.id,
  );
  for (;;) {
    const page = await listing.listPage(partition, from);
    const files = page.rows.map((row) => fileRef(listing.stream, row));
    // `after` is strict on the API side; a file at or before it would be a re-listing bug: skip it.
    const fresh = files.filter((f) => (compareInstants(f.endTime, from) ?? 1) > 0);
    if (fresh.length > 0) yield fresh;
    if (!page.hasMore || reachesSignpost(fresh, page.next, signpost)) return;
    progress.observe(fresh);
    from = nextAfter(listing.stream, partition, from, page.next);
  }
}

/** Files come in ascending end_time: once a page reaches the signpost, the rest is for the next sync. */
function reachesSignpost(files: LogFileRef[], next: string | null, signpost: string): boolean {
  const last = files.at(-1)?.endTime;
  const at = (t: string | null | undefined) => t != null && (compareInstants(t, signpost) ?? -1) >= 0;
  return at(last) || at(next);
}

/** `workspace …, CODEX_LOG` or `organization org-…, COSTS`, for messages. */
export function partitionText(p: Partition): string {
  const scope =
    p.organization_id !== undefined
      ? `organization ${p.organization_id}`
      : `workspace ${p.workspace_id ?? '?'}`;
  return `${scope}, ${p.event_type ?? '?'}`;
}
const where = (stream: string, p: Partition) => `${stream} (${partitionText(p)})`;

function nextAfter(stream: string, partition: Partition, from: string, next: string | null): string {
  if (next === null) {
    throw new SourceError(
      `${where(stream, partition)}: the Compliance API said has_more but gave last_end_time null; stopping instead of looping. This is an API fault; retry later or report it.`,
      { code: 'PAGING_NO_TOKEN', failureType: 'system_error' },
    );
  }
  if ((compareInstants(next, from) ?? 0) <= 0) {
    throw new SourceError(
      `${where(stream, partition)}: the Compliance API said has_more but last_end_time ${next} does not advance past ${from}; stopping instead of looping forever. This is an API fault; retry later or report it.`,
      { code: 'PAGING_NOT_ADVANCING', failureType: 'system_error' },
    );
  }
  return next;
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
