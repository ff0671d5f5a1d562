// The READ loop: streams one after another; per stream STARTED → RUNNING → COMPLETE, or INCOMPLETE with a
// TRACE ERROR, and the other streams still run. Streams that send identical requests (`usage`,
// `usage_by_client`, `usage_by_model`) run together on one read: each still gets its own statuses, records,
// states and, when it fails, its own error trace; a failure of the read itself fails every one of them.
import type { StreamState } from '../engine/state.js';
import type { MemberEvent } from '../engine/sync-shared-windows.js';
import type { SyncEvent } from '../engine/types.js';
import type { StreamDef } from '../stream-def.js';
import type { ConfiguredStream } from './catalog.js';
import type { Output } from './output.js';
import { StreamRun } from './stream-run.js';

export interface SharedReads {
  /** Streams with equal keys send identical requests; undefined for a stream that reads alone. */
  key(def: StreamDef): string | undefined;
  open(members: readonly { def: StreamDef; prior: StreamState | undefined }[]): AsyncIterable<MemberEvent>;
}

export interface ReadDeps {
  out: Output;
  now(): number;
  open(def: StreamDef, prior: StreamState | undefined): AsyncIterable<SyncEvent>;
  /** Without it, every stream reads alone. */
  shared?: SharedReads;
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

/** Returns the names of the streams that failed. */
export async function runRead(
  streams: readonly ConfiguredStream[],
  states: Map<string, unknown>,
  deps: ReadDeps,
): Promise<string[]> {
  const failed: string[] = [];
  for (const unit of readUnits(streams, deps.shared)) {
    const runs = unit.map(({ def }) => new StreamRun(def.name, deps.out, deps.now));
    const saved = unit.map(({ def, syncMode }) =>
      syncMode === 'incremental' ? states.get(def.name) : undefined,
    );
    const priors: (StreamState | undefined)[] = [];
    for (const [i, run] of runs.entries()) priors.push(await run.start(saved[i]));
    const members = unit.map(({ def }, i) => ({ def, prior: priors[i] }));
    await readUnit(runs, members, deps);
    failed.push(...runs.filter((r) => r.ended === 'failed').map((r) => r.name));
  }
  await deps.out.flush();
  return failed;
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
