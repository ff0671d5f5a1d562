// Compliance events, read from the log files of the listing. Rules, decided once:
// - a file's events are handed out only after its bytes were verified (the downloader's job), in listing
//   order within its partition, with up to `prefetch` files downloading ahead; partitions (workspace and
//   event type) run side by side, since the API budgets downloads per workspace;
// - a partition's cursor becomes a file's end_time once all its events were handed out, so every
//   checkpoint is a file boundary for every partition, and resuming re-reads from the next file; never past
//   the signpost (the time the stream's sync began), with a WARN for a file stamped later (signpost.ts);
// - a file that fails (sha mismatch, truncated, reset, expired URL) is fetched again with the retry
//   policy's backoff, a LOG line each; when retries run out the stream fails and state stays put;
// - event ids seen in the current and two previous files are dropped (delivery is at least once).
import { RecentIds } from './dedupe.js';
import { mergeGenerators } from './merge.js';
import { drainLogs, eventOf, malformed, summary, type LocalLogFile, type Tally } from './lines.js';
import { orderedPrefetch } from './ordered-prefetch.js';
import { withRetry } from '../engine/retry.js';
import { FutureStamps } from '../engine/signpost.js';
import { PartitionCursors, type StreamState } from '../engine/state.js';
import { listLogFiles, type LogFileRef, type LogListing } from './listing.js';
import { advanceCursor, clampWarning, listingStart } from './sync-files.js';
import type { EngineDeps, Partition, RecordItem, SyncEvent } from '../engine/types.js';

export type { LocalLogFile, LogLine } from './lines.js';

/**
 * Events handed out at once: at most BATCH, and at most about BATCH_BYTES of them (events can be large). A batch
 * keeps its lines' read buffers alive until it is written; batches of 1 MiB lived long enough for V8 to move
 * them to its old space, whose collections are rare, so buffers piled up with the length of a sync (2 GB of
 * logs peaked at 1.32 × the RSS of 200 MB). At 64 KiB it is 1.12 ×, for about 14% less throughput when the
 * API's rate limit is lifted (bench `--only logs`); under the real limit the downloads are the bound.
 */
const BATCH = 500;
const BATCH_BYTES = 64 * 1024;

export interface LogEventsPlan extends LogListing {
  /** One attempt at downloading and verifying a file; throws a retryable SourceError on a bad transfer. */
  fetchFile(partition: Partition, file: LogFileRef, log: (message: string) => void): Promise<LocalLogFile>;
  /** A file's events (with their lines' bytes) → records. */
  toRecords(events: RecordItem[], partition: Partition, file: LogFileRef): RecordItem[];
  skipMalformed: boolean;
  /** Files downloading ahead of the one being emitted, per partition. */
  prefetch: number;
  /** Partitions read at once (the API budgets downloads per workspace); 1 reads them in turn. */
  concurrentPartitions: number;
  retryBaseMs?: number;
}

export async function* syncLogEvents(
  plan: LogEventsPlan,
  prior: StreamState | undefined,
  deps: EngineDeps,
): AsyncGenerator<SyncEvent> {
  const cursors = new PartitionCursors(plan.cursorField, prior);
  const tally: Tally = { duplicates: 0, malformed: [], logs: [] };
  const nowMs = deps.now();
  const signpost = new Date(nowMs).toISOString();
  const clock: Signpost = { at: signpost, future: new FutureStamps(plan.stream, signpost) };
  let warned = false;
  const partition = async function* (p: Partition): AsyncGenerator<SyncEvent> {
    const saved = cursors.get(p);
    const start = listingStart(plan, typeof saved === 'string' ? saved : undefined, nowMs);
    if (start.clampedFrom !== undefined && !warned) {
      warned = true;
      yield clampWarning(plan, start.clampedFrom, start.after);
    }
    yield* syncPartition(plan, p, { after: start.after, ...clock }, cursors, tally, deps);
  };
  try {
    yield* mergeGenerators(
      plan.partitions.map((p) => () => partition(p)),
      plan.concurrentPartitions,
    );
  } catch (error) {
    yield* drainLogs(tally); // the retry lines explain why the stream failed
    throw error;
  }
  yield* drainLogs(tally);
  yield* summary(plan.stream, tally);
  yield { type: 'state', state: cursors.snapshot() };
}

/** Where a partition's listing starts and stops, and the stream's note of files stamped after the stop. */
interface Signpost {
  at: string;
  future: FutureStamps;
}

async function* syncPartition(
  plan: LogEventsPlan,
  partition: Partition,
  span: Signpost & { after: string },
  cursors: PartitionCursors,
  tally: Tally,
  deps: EngineDeps,
): AsyncGenerator<SyncEvent> {
  const ids = new RecentIds();
  // Downloads retry in the background: a live log (when given) shows a long backoff while it lasts.
  const log = deps.log ?? ((message: string) => void tally.logs.push(message));
  const fetch = (file: LogFileRef) =>
    withRetry(`${plan.stream}: log file ${file.id}`, () => plan.fetchFile(partition, file, log), {
      sleep: deps.sleep,
      now: deps.now,
      log,
      baseDelayMs: plan.retryBaseMs,
    });
  const listed = eachFile(plan, partition, span.after, span.at);
  const files = orderedPrefetch(listed, fetch, plan.prefetch, (f) => f.dispose());
  for await (const { item: file, value: local } of files) {
    try {
      yield* emitFile(plan, partition, file, local, ids, tally);
    } finally {
      await local.dispose();
    }
    yield* advanceCursor(cursors, partition, file, span.future, span.at);
    yield* drainLogs(tally);
    yield { type: 'state', state: cursors.snapshot() };
  }
}

async function* eachFile(
  plan: LogEventsPlan,
  partition: Partition,
  after: string,
  signpost: string,
): AsyncGenerator<LogFileRef> {
  for await (const page of listLogFiles(plan, partition, after, signpost)) yield* page;
}

async function* emitFile(
  plan: LogEventsPlan,
  partition: Partition,
  file: LogFileRef,
  local: LocalLogFile,
  ids: RecentIds,
  tally: Tally,
): AsyncGenerator<SyncEvent> {
  ids.startFile();
  let batch: RecordItem[] = [];
  let bytes = 0;
  for await (const line of local.lines()) {
    const event = eventOf(line);
    if (typeof event === 'string') {
      malformed(plan, partition, file, line, event, tally);
      continue;
    }
    if (!ids.add(event.event_id)) {
      tally.duplicates += 1;
      continue;
    }
    const raw = 'raw' in line ? line.raw : undefined;
    batch.push(raw === undefined ? { row: event } : { row: event, raw });
    bytes += 'bytes' in line ? (line.bytes ?? 0) : 0;
    if (batch.length >= BATCH || bytes >= BATCH_BYTES) {
      yield { type: 'records', records: plan.toRecords(batch, partition, file) };
      batch = [];
      bytes = 0;
      yield* drainLogs(tally);
    }
  }
  if (batch.length > 0) yield { type: 'records', records: plan.toRecords(batch, partition, file) };
}
