// The Airbyte READ: per stream STARTED → RUNNING → COMPLETE, or INCOMPLETE with a TRACE ERROR, and the other
// streams still run. The loop itself (streams side by side, shared reads, cursor checks) is run/read-loop.ts,
// which the Singer tap runs too; what is Airbyte's here is the messages (stream-run.ts) and the progress lines.
import type { StreamState } from '../engine/state.js';
import type { SharedReads as SharedReadsOf } from '../engine/sync-shared-windows.js';
import type { SyncEvent } from '../engine/types.js';
import type { Output } from '../output/output.js';
import { runStreams } from '../run/read-loop.js';
import type { StreamDef } from '../stream-def.js';
import type { ConfiguredStream } from './catalog.js';
import { logMessage } from './messages.js';
import { StreamRun, type Progress } from './stream-run.js';

export type SharedReads = SharedReadsOf<StreamDef>;
export { readUnits } from '../run/read-loop.js';

/** A long read says how far it got at least this often, so a quiet sync never looks hung. */
export const PROGRESS_EVERY_MS = 30_000;

/** Reads (a stream alone, or streams sharing one read) in progress at once. */
export const CONCURRENT_READS = 8;

export interface ReadDeps {
  out: Output;
  now(): number;
  open(def: StreamDef, prior: StreamState | undefined): AsyncIterable<SyncEvent>;
  /** Without it, every stream reads alone. */
  shared?: SharedReads;
  /** PROGRESS_EVERY_MS unless given (tests shorten it). */
  progressEveryMs?: number;
}

/** Returns the names of the streams that failed. */
export async function runRead(
  streams: readonly ConfiguredStream[],
  states: Map<string, unknown>,
  deps: ReadDeps,
  concurrency = CONCURRENT_READS,
): Promise<string[]> {
  const progress: Progress = { total: streams.length, done: 0, records: 0, reading: new Set() };
  const timer = setInterval(() => {
    const reading = [...progress.reading].join(', ') || 'nothing';
    const text = `Progress: ${progress.done} of ${progress.total} stream(s) done, ${progress.records} record(s) so far; reading ${reading}.`;
    deps.out.queue(logMessage('INFO', text));
  }, deps.progressEveryMs ?? PROGRESS_EVERY_MS);
  timer.unref();
  try {
    return await runStreams(
      streams.map(({ def, syncMode }) => ({
        def,
        saved: syncMode === 'incremental' ? states.get(def.name) : undefined,
        sink: new StreamRun(def.name, deps.out, deps.now, progress),
      })),
      { open: deps.open, shared: deps.shared, concurrency },
    );
  } finally {
    clearInterval(timer);
    await deps.out.flush();
  }
}
