// The READ loop: streams one after another; per stream STARTED → RUNNING → COMPLETE, or INCOMPLETE with a
// TRACE ERROR, and the other streams still run. State counts the records emitted since the previous state.
import { asSourceError } from '../engine/errors.js';
import { isRecognizedState, type StreamState } from '../engine/state.js';
import { checkCursors } from '../engine/cursor-check.js';
import type { SyncEvent } from '../engine/types.js';
import type { StreamDef } from '../stream-def.js';
import type { ConfiguredStream } from './catalog.js';
import { errorTrace, logMessage, stateMessage, statusMessage } from './messages.js';
import type { Output } from './output.js';

/** A long read says how far it got at least this often, so a quiet sync never looks hung. */
export const PROGRESS_EVERY_MS = 30_000;

export interface ReadDeps {
  out: Output;
  now(): number;
  open(def: StreamDef, prior: StreamState | undefined): AsyncIterable<SyncEvent>;
  /** PROGRESS_EVERY_MS unless given (tests shorten it). */
  progressEveryMs?: number;
}

interface Progress {
  done: number;
  records: number;
  current: string;
}

/** Returns the names of the streams that failed. */
export async function runRead(
  streams: readonly ConfiguredStream[],
  states: Map<string, unknown>,
  deps: ReadDeps,
): Promise<string[]> {
  const failed: string[] = [];
  const progress: Progress = { done: 0, records: 0, current: '' };
  const timer = setInterval(() => {
    const text = `Progress: ${progress.done} of ${streams.length} stream(s) done, ${progress.records} record(s) so far; reading ${progress.current}.`;
    deps.out.queue(logMessage('INFO', text));
  }, deps.progressEveryMs ?? PROGRESS_EVERY_MS);
  timer.unref();
  try {
    for (const { def, syncMode } of streams) {
      progress.current = def.name;
      const saved = syncMode === 'incremental' ? states.get(def.name) : undefined;
      if (!(await readStream(def, saved, deps, progress))) failed.push(def.name);
      progress.done += 1;
    }
  } finally {
    clearInterval(timer);
  }
  await deps.out.flush();
  return failed;
}

async function readStream(
  def: StreamDef,
  saved: unknown,
  deps: ReadDeps,
  progress: Progress,
): Promise<boolean> {
  const { out } = deps;
  const name = def.name;
  await out.emit(statusMessage(name, 'STARTED', deps.now()));
  let prior: StreamState | undefined;
  if (saved !== undefined && !isRecognizedState(saved)) {
    await out.emit(
      logMessage(
        'WARN',
        `${name}: the saved state has a shape this connector does not recognise; re-reading from start_date (re-reading beats losing data).`,
      ),
    );
  } else {
    prior = saved;
  }
  await out.emit(statusMessage(name, 'RUNNING', deps.now()));
  let count = 0;
  try {
    checkCursors(def.cursorField, prior);
    for await (const event of deps.open(def, prior)) {
      if (event.type === 'records') {
        await out.emitRecords(name, event.records, deps.now());
        count += event.records.length;
        progress.records += event.records.length;
      } else if (event.type === 'state') {
        await out.emit(stateMessage(name, event.state, count));
        count = 0;
        await out.flush();
      } else {
        await out.emit(logMessage(event.level, event.message));
      }
    }
  } catch (error) {
    const e = asSourceError(error);
    await out.emit(errorTrace(`${name}: ${e.message}`, e.failureType, deps.now(), name, e.code));
    await out.emit(statusMessage(name, 'INCOMPLETE', deps.now()));
    await out.flush();
    return false;
  }
  await out.emit(statusMessage(name, 'COMPLETE', deps.now()));
  await out.flush();
  return true;
}
