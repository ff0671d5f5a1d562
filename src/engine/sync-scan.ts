// Streams the API cannot filter or order by time. Full refresh: read everything. Cursor scan: read
// everything (or everything from a lower bound the API can filter on), keep rows after the saved cursor,
// and advance the cursor only when the scan has ended, since rows come in no usable order.
//
// A row can change while the scan runs, after the scan has passed it; its new time then lies after the
// scan began. So the cursor saved is the newest time seen but never later than the scan's start less
// SETTLE_MS (which also absorbs clock skew between the API and us): anything updated around a scan is read
// again by the next one, and a sync after no change emits nothing. A row stamped after the scan began (clock
// skew, an API bug) is emitted like any other, and the stream says so once (signpost.ts).
import { FutureStamps } from './signpost.js';
import { PartitionCursors, type CursorValue, type StreamState } from './state.js';
import { itemsOf, type EngineDeps, type Partition, type Row, type SyncEvent } from './types.js';

export const SETTLE_MS = 60_000;

export interface FullRefreshPlan {
  stream: string;
  partitions: Partition[];
  fetchAll(partition: Partition): AsyncIterable<Row[]>;
}

export async function* syncFullRefresh(
  plan: FullRefreshPlan,
  _prior: StreamState | undefined,
  _deps: EngineDeps,
): AsyncGenerator<SyncEvent> {
  for (const partition of plan.partitions) {
    for await (const records of plan.fetchAll(partition)) {
      if (records.length > 0) yield { type: 'records', records: itemsOf(records) };
    }
  }
  yield { type: 'state', state: {} };
}

export interface CursorScanPlan {
  stream: string;
  cursorField: string;
  partitions: Partition[];
  /** `lower` is the saved cursor, for APIs that can filter server-side (inclusive); undefined on a first sync. */
  fetchScan(partition: Partition, lower: CursorValue | undefined): AsyncIterable<Row[]>;
  /** The cursor value of a wall-clock instant, in the field's own form (ISO text, Unix seconds, …). */
  cursorAt(epochMs: number): CursorValue;
}

export async function* syncCursorScan(
  plan: CursorScanPlan,
  prior: StreamState | undefined,
  deps: EngineDeps,
): AsyncGenerator<SyncEvent> {
  const cursors = new PartitionCursors(plan.cursorField, prior);
  const future = new FutureStamps(plan.stream, new Date(deps.now()).toISOString());
  for (const partition of plan.partitions) {
    const scanStart = deps.now();
    const settled = plan.cursorAt(scanStart - SETTLE_MS);
    const lower = cursors.get(partition);
    let max = lower;
    for await (const rows of plan.fetchScan(partition, lower)) {
      const kept = lower === undefined ? rows : rows.filter((r) => compare(r[plan.cursorField], lower) > 0);
      for (const row of kept) {
        const value = row[plan.cursorField];
        if (
          (typeof value === 'string' || typeof value === 'number') &&
          (max === undefined || compare(value, max) > 0)
        )
          max = value;
      }
      if (kept.length > 0) yield { type: 'records', records: itemsOf(kept) };
    }
    const signpost = plan.cursorAt(scanStart);
    if (max !== undefined && max !== lower && compare(max, signpost) > 0) {
      yield* future.warning(`a row (${describe(partition)})`, max, settled);
    }
    if (max !== undefined && compare(max, settled) > 0) {
      max = lower !== undefined && compare(lower, settled) > 0 ? lower : settled;
    }
    if (max !== undefined) cursors.set(partition, max);
  }
  yield { type: 'state', state: cursors.snapshot() };
}

function describe(partition: Partition): string {
  return (
    Object.entries(partition)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'organization'
  );
}

function compare(a: unknown, b: CursorValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
