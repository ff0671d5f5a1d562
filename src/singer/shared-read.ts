// Singer streams that send identical requests (`usage`, `usage_by_client`, `usage_by_model`) read once, as in
// the Airbyte READ loop: each gets its SCHEMA first, its own RECORDs and bookmark, and its own ERROR line when it
// fails; a failure of the read itself fails each of them.
import { checkCursors } from '../engine/cursor-check.js';
import { asSourceError } from '../engine/errors.js';
import type { StreamState } from '../engine/state.js';
import type { SyncEvent } from '../engine/types.js';
import type { SharedReads } from '../engine/sync-shared-windows.js';
import type { StreamDef } from '../stream-def.js';
import { recordMessage, recordWithout, schemaMessage, stateMessage } from './messages.js';
import type { SingerReadDeps } from './read.js';
import type { SelectedStream } from './selection.js';

/** Selected streams in order, those sharing a read gathered where the first of them stands. */
export function singerUnits(streams: readonly SelectedStream[], shared: SharedReads<StreamDef> | undefined) {
  const units: SelectedStream[][] = [];
  const byKey = new Map<string, SelectedStream[]>();
  for (const stream of streams) {
    const key = shared?.key(stream.def);
    const unit = key === undefined ? undefined : byKey.get(key);
    if (unit !== undefined) unit.push(stream);
    else {
      units.push([stream]);
      if (key !== undefined) byKey.set(key, units.at(-1) ?? []);
    }
  }
  return units;
}

/** Syncs streams that share one read; returns the names of those that failed. */
export async function syncShared(
  unit: readonly SelectedStream[],
  bookmarks: Record<string, unknown>,
  deps: SingerReadDeps & { shared: SharedReads<StreamDef> },
  prior: (stream: SelectedStream) => StreamState | undefined,
): Promise<string[]> {
  const { out, log } = deps;
  const counts = unit.map(() => 0);
  const failed = new Set<number>();
  for (const { def, incremental, excluded } of unit) {
    log.write(
      'INFO',
      `${def.name}: sync started (${incremental ? 'INCREMENTAL' : 'FULL_TABLE'}, one shared read).`,
    );
    await out.emit(schemaMessage(def, excluded));
  }
  const fail = async (i: number, error: unknown) => {
    const e = asSourceError(error);
    failed.add(i);
    await out.flush();
    log.write('ERROR', `${unit[i]?.def.name ?? '?'}: ${e.message} [${e.code}]`);
  };
  // A saved cursor a stream cannot read fails that stream alone, before any request (cursor-check.ts).
  const members: { def: StreamDef; prior: StreamState | undefined }[] = [];
  const at: number[] = []; // member index → index in `unit`
  for (const [i, s] of unit.entries()) {
    const p = prior(s);
    try {
      checkCursors(s.def.cursorField, p);
    } catch (error) {
      await fail(i, error);
      continue;
    }
    members.push({ def: s.def, prior: p });
    at.push(i);
  }
  try {
    if (members.length === 0) return [...failed].map((i) => unit[i]?.def.name ?? '?');
    for await (const e of deps.shared.open(members)) {
      const i = at[e.member] ?? -1;
      if (i < 0 || failed.has(i)) continue;
      if ('error' in e) await fail(i, e.error);
      else counts[i] = (counts[i] ?? 0) + (await emit(unit[i], e.event, bookmarks, deps));
    }
  } catch (error) {
    for (const i of unit.keys()) if (!failed.has(i)) await fail(i, error);
  }
  await out.flush();
  for (const [i, s] of unit.entries())
    if (!failed.has(i)) log.write('INFO', `${s.def.name}: sync finished, ${counts[i] ?? 0} record(s).`);
  return [...failed].map((i) => unit[i]?.def.name ?? '?');
}

/** Emits one event of a member; returns the records it emitted. */
async function emit(
  stream: SelectedStream | undefined,
  event: SyncEvent,
  bookmarks: Record<string, unknown>,
  deps: SingerReadDeps,
): Promise<number> {
  if (stream === undefined) return 0;
  const name = stream.def.name;
  if (event.type === 'records') {
    const extracted = new Date(deps.now()).toISOString();
    for (const r of event.records)
      await deps.out.emit(recordMessage(name, recordWithout(r, stream.excluded), extracted));
    return event.records.length;
  }
  if (event.type === 'state') {
    bookmarks[name] = event.state;
    await deps.out.emit(stateMessage(bookmarks));
    await deps.out.flush();
  } else deps.log.write(event.level, event.message);
  return 0;
}
