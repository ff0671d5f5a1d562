// log_events streams: the events inside the Compliance log files, downloaded through signed URLs into a
// temporary directory that lives as long as the stream's sync.
import { MIB } from '../api/body.js';
import { LogFileDownloader, type LogFileTarget } from './download.js';
import { SourceError } from '../engine/errors.js';
import type { StreamState } from '../engine/state.js';
import { syncLogEvents, type LocalLogFile } from './sync-events.js';
import type { LogFileRef } from './sync-files.js';
import { itemsOf, type Partition, type RecordItem, type SyncEvent } from '../engine/types.js';
import { withFields } from './raw-json.js';
import type { PlanContext, Planner } from '../plans/context.js';
import { logListing } from './plan-files.js';
import { freshnessWarnings } from './plan-freshness.js';

// At most PARTITIONS × PREFETCH downloads in flight and PARTITIONS × (PREFETCH + 1) files on disk.
/** Files downloading, per partition, while the one before them is emitted: enough to use a minute's budget
 * of small files when each takes two round trips (the redirect, then the file) and other streams share the CPU. */
const PREFETCH = 4;
/** Workspaces × event types read at once: the API's download budget is per workspace. */
const PARTITIONS = 4;

export const planLogEvents: Planner = (ctx, prior) => run(ctx, prior);

async function* run(ctx: PlanContext, prior: StreamState | undefined): AsyncGenerator<SyncEvent> {
  yield* freshnessWarnings(ctx);
  const downloader = new LogFileDownloader(ctx.client, ctx.deps, {
    maxRequestsPerMinute: ctx.config.max_requests_per_minute,
    maxLineBytes: ctx.config.max_log_line_size_mb * MIB,
  });
  try {
    yield* syncLogEvents(
      {
        ...logListing(ctx),
        fetchFile: (p, file, log) => fetchOrSkipGone(downloader, targetOf(p, file), log),
        // The file rides on the partition so the row's shape function can add it to each event
        // (both workspace logs and the organization's COSTS logs read through this one pipeline).
        toRecords: (events, p, file) =>
          toRecords(ctx, events, { ...p, log_file_id: file.id, log_file_end_time: file.endTime }),
        skipMalformed: ctx.config.skip_malformed_log_lines,
        prefetch: PREFETCH,
        concurrentPartitions: PARTITIONS,
        retryBaseMs: ctx.client.retryBaseMs,
      },
      prior,
      ctx.deps,
    );
  } finally {
    await downloader.close();
  }
}

/**
 * A file listed moments ago can pass the 30-day retention before it is downloaded (a first sync starts
 * right at that edge). It is gone for good and the next listing will not show it, so failing the stream
 * would not bring it back: warn, and treat it as empty so the sync moves on.
 */
async function fetchOrSkipGone(
  downloader: LogFileDownloader,
  target: LogFileTarget,
  log: (message: string) => void,
): Promise<LocalLogFile> {
  try {
    return await downloader.download(target, log);
  } catch (error) {
    if (!(error instanceof SourceError) || error.code !== 'LOG_FILE_GONE') throw error;
    log(`${error.message} Skipped: its events can no longer be read.`);
    return { lines: async function* () {}, dispose: async () => undefined };
  }
}

function targetOf(partition: Partition, file: LogFileRef): LogFileTarget {
  const { file_size: size, file_sha256: sha256 } = file.row;
  return {
    workspaceId: partition.workspace_id ?? '',
    organizationId: partition.organization_id,
    id: file.id,
    size: typeof size === 'number' ? size : undefined,
    sha256: typeof sha256 === 'string' && sha256 !== '' ? sha256 : undefined,
  };
}

/**
 * Events → records. Where the stream's shape only adds string fields and privacy leaves records as they are,
 * the fields go into the line's bytes too, which are then emitted as they are (raw-json.ts); otherwise the
 * events are shaped and serialized like any row.
 */
function toRecords(ctx: PlanContext, events: RecordItem[], partition: Partition): RecordItem[] {
  const added = ctx.def.addedFields;
  if (added === undefined || ctx.rewrites)
    return itemsOf(
      ctx.shaped(
        events.map((e) => e.row),
        partition,
      ),
    );
  return events.map(({ row, raw }) => withFields(row, raw, added(row, partition)));
}
