// Incremental on a `date` cursor with one window per partition, paged through. Rules, decided once:
// - lower bound = saved cursor minus lookback_days (never before start_date), else start_date, else the API's
//   limit, clamped to that limit: Codex Analytics serves the 90 complete days before today (today-90 ..
//   today-1) and today so far, so the limit is today-90; a server that refuses that day with a 422 gets the
//   next day instead, once, with a WARN (date-boundary.ts);
// - one signpost (the time the sync started) ends every window, half-open [lower, signpost);
// - rows arrive in ascending date, so a day is complete when a later day appears: checkpoint then, and at the end;
// - a row dated after the signpost's day is emitted, but the cursor stops at that day, with a WARN (signpost.ts).
import { addDays, dayOf, maxDay } from './dates.js';
import { fromBoundary } from './date-boundary.js';
import { FutureStamps } from './signpost.js';
import { PartitionCursors, type StreamState } from './state.js';
import type { EngineDeps, Partition, Row, SyncEvent } from './types.js';

export interface DayWindow {
  startDay: string;
  /** Exclusive end, epoch ms: the signpost. */
  endMs: number;
}

export interface DateWindowPlan {
  stream: string;
  cursorField: string;
  partitions: Partition[];
  startDate: string | undefined;
  lookbackDays: number;
  /** How far back the API serves, in days (Codex Analytics: 90); null for no limit. */
  maxDaysBack: number | null;
  /** First-sync depth without start_date when the API has no limit (default 365 days). */
  defaultDaysBack?: number;
  /** Records (already shaped) for one partition and window, page by page, in ascending cursor order. */
  fetchWindow(partition: Partition, window: DayWindow): AsyncIterable<Row[]>;
}

export function lowerBound(
  plan: DateWindowPlan,
  saved: string | undefined,
  today: string,
): { day: string; clampedFrom?: string; atLimit?: true } {
  const limit = plan.maxDaysBack === null ? undefined : addDays(today, -plan.maxDaysBack);
  const fallback = limit ?? addDays(today, -((plan.defaultDaysBack ?? 365) - 1));
  const back = saved !== undefined ? addDays(saved, -plan.lookbackDays) : undefined;
  // start_date is the user's floor: the lookback never reaches before it.
  const wanted =
    back !== undefined
      ? plan.startDate !== undefined && back < plan.startDate
        ? plan.startDate
        : back
      : (plan.startDate ?? fallback);
  if (limit !== undefined && wanted < limit) return { day: limit, clampedFrom: wanted, atLimit: true };
  return wanted === limit ? { day: wanted, atLimit: true } : { day: wanted };
}

export async function* syncDateWindows(
  plan: DateWindowPlan,
  prior: StreamState | undefined,
  deps: EngineDeps,
): AsyncGenerator<SyncEvent> {
  const signpost = deps.now();
  const today = dayOf(signpost);
  const cursors = new PartitionCursors(plan.cursorField, prior);
  const future = new FutureStamps(plan.stream, new Date(signpost).toISOString());
  for (const partition of plan.partitions) {
    const saved = cursors.get(partition);
    const bound = lowerBound(plan, typeof saved === 'string' ? saved : undefined, today);
    if (bound.clampedFrom !== undefined) {
      yield {
        type: 'log',
        level: 'WARN',
        message: `${plan.stream}: ${bound.clampedFrom} is more than ${plan.maxDaysBack} days back, the API's limit; reading from ${bound.day} instead.`,
      };
    }
    if (bound.day > today) continue;
    const read = (startDay: string) =>
      syncPartition(plan, partition, { startDay, endMs: signpost }, cursors, future);
    yield* bound.atLimit ? fromBoundary(plan.stream, bound.day, read) : read(bound.day);
  }
  yield { type: 'state', state: cursors.snapshot() };
}

async function* syncPartition(
  plan: DateWindowPlan,
  partition: Partition,
  window: DayWindow,
  cursors: PartitionCursors,
  future: FutureStamps,
): AsyncGenerator<SyncEvent> {
  const today = dayOf(window.endMs);
  let currentDay: string | undefined;
  for await (const records of plan.fetchWindow(partition, window)) {
    let batch: Row[] = [];
    for (const record of records) {
      const day = record[plan.cursorField];
      if (typeof day === 'string' && currentDay !== undefined && day > currentDay) {
        // Every record of currentDay has been handed out: it is a safe resume point.
        if (batch.length > 0) yield { type: 'records', records: batch };
        batch = [];
        advance(cursors, partition, currentDay, today);
        yield { type: 'state', state: cursors.snapshot() };
      }
      if (typeof day === 'string' && (currentDay === undefined || day > currentDay)) {
        currentDay = day;
        if (day > today) yield* future.warning(`a row (${partitionText(partition)})`, day, today);
      }
      batch.push(record);
    }
    if (batch.length > 0) yield { type: 'records', records: batch };
  }
  if (currentDay !== undefined) advance(cursors, partition, currentDay, today);
}

/** Moves the cursor to `day`, never back and never past the signpost's day. */
function advance(cursors: PartitionCursors, partition: Partition, day: string, today: string): void {
  const capped = day > today ? today : day;
  const saved = cursors.get(partition);
  cursors.set(partition, typeof saved === 'string' ? maxDay(saved, capped) : capped);
}

function partitionText(partition: Partition): string {
  return partition.workspace_id === undefined ? 'organization' : `workspace ${partition.workspace_id}`;
}
