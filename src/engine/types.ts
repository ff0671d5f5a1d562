// What the engine yields while it syncs one stream; the protocol layer turns these into Airbyte messages.
import type { StreamState } from './state.js';

export type Row = Record<string, unknown>;
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/**
 * One record on its way out: the row and, where the log pipeline has them, the exact JSON bytes the row was
 * parsed from (with the fields the pipeline added spliced in: logs/raw-json.ts). The output writes `raw`
 * instead of serializing the row again, so `raw` must stand for `row` exactly: whatever changes a row after
 * the pipeline made the item makes a new item without it.
 */
export interface RecordItem {
  readonly row: Row;
  readonly raw?: Buffer;
}

/** Rows as records without raw bytes. */
export const itemsOf = (rows: readonly Row[]): RecordItem[] => rows.map((row) => ({ row }));

export type SyncEvent =
  | { type: 'records'; records: RecordItem[] }
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
