// What the engine yields while it syncs one stream; the protocol layer turns these into Airbyte messages.
import type { StreamState } from './state.js';

export type Row = Record<string, unknown>;
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export type SyncEvent =
  | { type: 'records'; records: Row[] }
  | { type: 'state'; state: StreamState }
  | { type: 'log'; level: LogLevel; message: string };

/** Everything with a side effect or a clock comes in as a parameter, so tests need no HTTP or real time. */
export interface EngineDeps {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Writes a WARN at once, for waits a reader must see while they last (work running in the background). */
  log?(message: string): void;
}

/** A partition names one slice of a stream's data: a workspace, a workspace and event type, or nothing. */
export type Partition = Record<string, string>;

export type SyncFn<P> = (
  plan: P,
  prior: StreamState | undefined,
  deps: EngineDeps,
) => AsyncGenerator<SyncEvent>;
