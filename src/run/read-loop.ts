// The one read loop under both protocols (the Airbyte source's READ, the Singer tap's sync). A few reads run
// at once, taken in order: the APIs limit requests per workspace and route, so while one stream waits for its
// route's minute, another works on a different route. Streams that send identical requests (`usage`,
// `usage_by_client`, `usage_by_model`) run on one read, gathered where the first of them stands: each keeps
// its own records, states and, when it fails, its own error; a failure of the read itself fails each of them.
// What a protocol makes of a stream's events (messages, state format, where errors go) is its StreamSink.
import { checkCursors } from '../engine/cursor-check.js';
import type { StreamState } from '../engine/state.js';
import type { SharedReads } from '../engine/sync-shared-windows.js';
import type { LogLevel, RecordItem, SyncEvent } from '../engine/types.js';
import type { StreamDef } from '../stream-def.js';

/** One stream's run as a protocol shows it. The loop calls fail or complete once, and nothing after. */
export interface StreamSink {
  /**
   * Announces the stream; returns the state to resume from, given the one saved (undefined: none, or a
   * full refresh). `shared`: the stream reads on one read with others.
   */
  start(saved: unknown, shared: boolean): Promise<StreamState | undefined>;
  records(items: RecordItem[]): Promise<void>;
  state(state: StreamState): Promise<void>;
  log(level: LogLevel, message: string): Promise<void>;
  fail(error: unknown): Promise<void>;
  complete(): Promise<void>;
}

export interface LoopStream {
  def: StreamDef;
  /** The saved state to resume from; undefined for none or a full refresh. */
  saved: unknown;
  sink: StreamSink;
}

export interface LoopDeps {
  open(def: StreamDef, prior: StreamState | undefined): AsyncIterable<SyncEvent>;
  /** Without it, every stream reads alone. */
  shared?: SharedReads<StreamDef>;
  /** Reads (a stream alone, or streams sharing one) in progress at once. */
  concurrency: number;
}

/** Streams in order, those sharing a read gathered where the first of them stands. */
export function readUnits<T extends { def: StreamDef }>(
  streams: readonly T[],
  shared: SharedReads<StreamDef> | undefined,
): T[][] {
  const units: T[][] = [];
  const byKey = new Map<string, T[]>();
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

/** A sink and whether it has ended. */
class Run {
  ended: 'complete' | 'failed' | undefined;
  constructor(
    readonly stream: LoopStream,
    readonly shared: boolean,
  ) {}

  async event(event: SyncEvent): Promise<void> {
    const sink = this.stream.sink;
    if (event.type === 'records') await sink.records(event.records);
    else if (event.type === 'state') await sink.state(event.state);
    else await sink.log(event.level, event.message);
  }

  async fail(error: unknown): Promise<void> {
    if (this.ended !== undefined) return;
    this.ended = 'failed';
    await this.stream.sink.fail(error);
  }

  async complete(): Promise<void> {
    if (this.ended !== undefined) return;
    this.ended = 'complete';
    await this.stream.sink.complete();
  }
}

/** Runs every stream; returns the names of those that failed. */
export async function runStreams(streams: readonly LoopStream[], deps: LoopDeps): Promise<string[]> {
  const units = readUnits(streams, deps.shared).map((unit) =>
    unit.map((s) => new Run(s, unit.length > 1 && deps.shared !== undefined)),
  );
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < units.length; i = next++) await startAndRead(units[i] ?? [], deps);
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  return units
    .flat()
    .filter((r) => r.ended === 'failed')
    .map((r) => r.stream.def.name);
}

async function startAndRead(unit: Run[], deps: LoopDeps): Promise<void> {
  const ready: Run[] = [];
  const members: { def: StreamDef; prior: StreamState | undefined }[] = [];
  for (const run of unit) {
    const { def, saved, sink } = run.stream;
    try {
      const prior = await sink.start(saved, run.shared);
      // A saved cursor the stream cannot read fails that stream alone, before any request (cursor-check.ts).
      checkCursors(def.cursorField, prior);
      ready.push(run);
      members.push({ def, prior });
    } catch (error) {
      await run.fail(error);
    }
  }
  if (ready.length > 0) await readUnit(ready, members, deps);
}

async function readUnit(
  runs: Run[],
  members: { def: StreamDef; prior: StreamState | undefined }[],
  deps: LoopDeps,
): Promise<void> {
  try {
    const only = members.length === 1 ? members[0] : undefined;
    if (only !== undefined || deps.shared === undefined) {
      const run = runs[0];
      if (run !== undefined && only !== undefined)
        for await (const event of deps.open(only.def, only.prior)) await run.event(event);
    } else {
      for await (const e of deps.shared.open(members)) {
        const run = runs[e.member];
        if (run === undefined || run.ended !== undefined) continue;
        if ('error' in e) await run.fail(e.error);
        else await run.event(e.event);
      }
    }
  } catch (error) {
    for (const run of runs) await run.fail(error);
  }
  for (const run of runs) await run.complete();
}
