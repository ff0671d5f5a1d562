// The READ loop: per stream STARTED → RUNNING → COMPLETE, or INCOMPLETE with a TRACE ERROR, and the other
// streams still run. A few streams run at once, taken in catalog order: the APIs limit requests per workspace
// and route, so while one stream waits for its route's minute to pass, another works on a different route.
// Each stream's messages keep their order (a STATE still follows the records it covers). Streams that send
// identical requests (`usage`, `usage_by_client`, `usage_by_model`) run together on one read: each still gets its own statuses, records,
// states and, when it fails, its own error trace; a failure of the read itself fails every one of them.
import { checkCursors } from '../engine/cursor-check.js';
import type { StreamState } from '../engine/state.js';
import type { SharedReads as SharedReadsOf } from '../engine/sync-shared-windows.js';
import type { SyncEvent } from '../engine/types.js';
import type { StreamDef } from '../stream-def.js';
import type { ConfiguredStream } from './catalog.js';
import { logMessage } from './messages.js';
import type { Output } from './output.js';
import { StreamRun, type Progress } from './stream-run.js';

export type SharedReads = SharedReadsOf<StreamDef>;

/** A long read says how far it got at least this often, so a quiet sync never looks hung. */
export const PROGRESS_EVERY_MS = 30_000;

export interface ReadDeps {
  out: Output;
  now(): number;
  open(def: StreamDef, prior: StreamState | undefined): AsyncIterable<SyncEvent>;
  /** Without it, every stream reads alone. */
  shared?: SharedReads;
  /** PROGRESS_EVERY_MS unless given (tests shorten it). */
  progressEveryMs?: number;
}

/** Configured streams in catalog order, those sharing a read gathered where the first of them stands. */
export function readUnits(
  streams: readonly ConfiguredStream[],
  shared: SharedReads | undefined,
): ConfiguredStream[][] {
  const units: ConfiguredStream[][] = [];
  const byKey = new Map<string, ConfiguredStream[]>();
  for (const stream of streams) {
    const key = shared?.key(stream.def);
    const unit = key === undefined ? undefined : byKey.get(key);
    if (unit !== undefined) {
      unit.push(stream);
      continue;
    }
    const fresh = [stream];
    units.push(fresh);
    if (key !== undefined) byKey.set(key, fresh);
  }
  return units;
}

/** Reads (a stream alone, or streams sharing one read) in progress at once. */
export const CONCURRENT_READS = 8;

/** Returns the names of the streams that failed. */
export async function runRead(
  streams: readonly ConfiguredStream[],
  states: Map<string, unknown>,
  deps: ReadDeps,
  concurrency = CONCURRENT_READS,
): Promise<string[]> {
  const units = readUnits(streams, deps.shared);
  const progress: Progress = { total: streams.length, done: 0, records: 0, reading: new Set() };
  const runs = units.map((unit) =>
    unit.map(({ def }) => new StreamRun(def.name, deps.out, deps.now, progress)),
  );
  const timer = setInterval(() => {
    const reading = [...progress.reading].join(', ') || 'nothing';
    const text = `Progress: ${progress.done} of ${progress.total} stream(s) done, ${progress.records} record(s) so far; reading ${reading}.`;
    deps.out.queue(logMessage('INFO', text));
  }, deps.progressEveryMs ?? PROGRESS_EVERY_MS);
  timer.unref();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < units.length; i = next++) {
      await startAndRead(units[i] ?? [], runs[i] ?? [], states, deps);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    clearInterval(timer);
  }
  await deps.out.flush();
  return runs
    .flat()
    .filter((r) => r.ended === 'failed')
    .map((r) => r.name);
}

async function startAndRead(
  unit: ConfiguredStream[],
  runs: StreamRun[],
  states: Map<string, unknown>,
  deps: ReadDeps,
): Promise<void> {
  const ready: StreamRun[] = [];
  const members: { def: StreamDef; prior: StreamState | undefined }[] = [];
  for (const [i, run] of runs.entries()) {
    const stream = unit[i];
    if (stream === undefined) continue;
    const prior = await run.start(
      stream.syncMode === 'incremental' ? states.get(stream.def.name) : undefined,
    );
    try {
      // A saved cursor the stream cannot read fails that stream alone, before any request (cursor-check.ts).
      checkCursors(stream.def.cursorField, prior);
    } catch (error) {
      await run.fail(error);
      continue;
    }
    ready.push(run);
    members.push({ def: stream.def, prior });
  }
  if (ready.length > 0) await readUnit(ready, members, deps);
}

async function readUnit(
  runs: StreamRun[],
  members: { def: StreamDef; prior: StreamState | undefined }[],
  deps: ReadDeps,
): Promise<void> {
  const single = members.length === 1 ? members[0] : undefined;
  try {
    if (single !== undefined || deps.shared === undefined) {
      const only = runs[0];
      if (only === undefined || single === undefined) return;
      for await (const event of deps.open(single.def, single.prior)) await only.event(event);
    } else {
      for await (const e of deps.shared.open(members)) {
        const run = runs[e.member];
        if (run === undefined || run.ended !== undefined) continue;
        if ('error' in e) await run.fail(e.error);
        else await run.event(e.event);
      }
    }
  } catch (error) {
    for (const run of runs) if (run.ended === undefined) await run.fail(error);
  }
  for (const run of runs) if (run.ended === undefined) await run.complete();
}
