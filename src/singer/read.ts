// The Singer sync loop: selected streams one after another, each SCHEMA first, then its RECORDs, and a STATE
// (the bookmarks of every stream so far) at each engine checkpoint. A failing stream logs one ERROR line on
// stderr and the others still run; the caller exits non-zero. Streams that send identical requests share one
// read (shared-read.ts).
import { checkCursors } from '../engine/cursor-check.js';
import { asSourceError } from '../engine/errors.js';
import { isRecognizedState, type StreamState } from '../engine/state.js';
import type { SyncEvent } from '../engine/types.js';
import type { Output } from '../protocol/output.js';
import type { StreamDef } from '../stream-def.js';
import type { StderrLog } from './log.js';
import { recordMessage, recordWithout, schemaMessage, stateMessage } from './messages.js';
import type { SelectedStream } from './selection.js';
import { singerUnits, syncShared } from './shared-read.js';
import type { SharedReads } from '../engine/sync-shared-windows.js';

export interface SingerReadDeps {
  out: Output;
  log: StderrLog;
  now(): number;
  open(def: StreamDef, prior: StreamState | undefined): AsyncIterable<SyncEvent>;
  /** Reads shared by streams that send identical requests; without it every stream reads alone. */
  shared?: SharedReads<StreamDef>;
}

/** Syncs the streams; `bookmarks` starts as the --state bookmarks and ends as the last STATE's. Returns the failed streams. */
export async function runSingerRead(
  streams: readonly SelectedStream[],
  bookmarks: Record<string, unknown>,
  deps: SingerReadDeps,
): Promise<string[]> {
  const failed: string[] = [];
  const { shared } = deps;
  for (const unit of singerUnits(streams, shared)) {
    const [first] = unit;
    if (first === undefined) continue;
    if (unit.length > 1 && shared !== undefined) {
      const prior = (s: SelectedStream) =>
        s.incremental ? priorState(s.def.name, bookmarks[s.def.name], deps) : undefined;
      failed.push(...(await syncShared(unit, bookmarks, { ...deps, shared }, prior)));
    } else if (!(await syncStream(first, bookmarks, deps))) failed.push(first.def.name);
  }
  await deps.out.flush();
  return failed;
}

function priorState(name: string, saved: unknown, deps: SingerReadDeps): StreamState | undefined {
  if (saved === undefined || isRecognizedState(saved)) return saved;
  deps.log.write(
    'WARN',
    `${name}: the saved bookmark has a shape this tap does not recognise; re-reading from start_date (re-reading beats losing data).`,
  );
  return undefined;
}

async function syncStream(
  { def, incremental, excluded }: SelectedStream,
  bookmarks: Record<string, unknown>,
  deps: SingerReadDeps,
): Promise<boolean> {
  const { out, log } = deps;
  const name = def.name;
  log.write('INFO', `${name}: sync started (${incremental ? 'INCREMENTAL' : 'FULL_TABLE'}).`);
  await out.emit(schemaMessage(def, excluded));
  const prior = incremental ? priorState(name, bookmarks[name], deps) : undefined;
  let count = 0;
  try {
    checkCursors(def.cursorField, prior);
    for await (const event of deps.open(def, prior)) {
      if (event.type === 'records') {
        const extracted = new Date(deps.now()).toISOString();
        for (const r of event.records)
          await out.emit(recordMessage(name, recordWithout(r, excluded), extracted));
        count += event.records.length;
      } else if (event.type === 'state') {
        bookmarks[name] = event.state;
        await out.emit(stateMessage(bookmarks));
        await out.flush();
      } else {
        log.write(event.level, event.message);
      }
    }
  } catch (error) {
    const e = asSourceError(error);
    await out.flush();
    log.write('ERROR', `${name}: ${e.message} [${e.code}]`);
    return false;
  }
  await out.flush();
  log.write('INFO', `${name}: sync finished, ${count} record(s).`);
  return true;
}
