// Incremental on a `date` cursor with one window per partition, paged through. Rules, decided once:
// - lower bound = saved cursor minus lookback_days (never before start_date), else start_date, else the API's
//   limit, clamped to that limit: Codex Analytics serves the 90 complete days before today (today-90 ..
//   today-1) and today so far, so the limit is today-90; a server that refuses that day with a 422 gets the
//   next day instead, once, with a WARN (date-boundary.ts);
// - one signpost (the time the sync started) ends every window, half-open [lower, signpost);
// - rows arrive in ascending date, so a day is complete when a later day appears: checkpoint then, and at the end;
// - a row dated after the signpost's day is emitted, but the cursor stops at that day, with a WARN (signpost.ts).
// One stream alone is the one-member case of a shared read (sync-shared-windows.ts): the same code, the same
// requests.
import { addDays } from './dates.js';
import type { StreamState } from './state.js';
import { syncSharedWindows } from './sync-shared-windows.js';
import type { EngineDeps, Partition, Row, SyncEvent } from './types.js';

export interface DayWindow {
  startDay: string;
  /** Exclusive end, epoch ms: the signpost. */
  endMs: number;
}

/** Where a window may start: the config's floor and lookback, and how far back the API serves. */
export interface DateWindowBounds {
  startDate: string | undefined;
  lookbackDays: number;
  /** How far back the API serves, in days (Codex Analytics: 90); null for no limit. */
  maxDaysBack: number | null;
  /** First-sync depth without start_date when the API has no limit (default 365 days). */
  defaultDaysBack?: number;
}

export interface DateWindowPlan extends DateWindowBounds {
  stream: string;
  cursorField: string;
  partitions: Partition[];
  /** Records (already shaped) for one partition and window, page by page, in ascending cursor order. */
  fetchWindow(partition: Partition, window: DayWindow): AsyncIterable<Row[]>;
}

export function lowerBound(
  plan: DateWindowBounds,
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
  const shared = syncSharedWindows(
    {
      ...plan,
      members: [{ stream: plan.stream, cursorField: plan.cursorField, prior }],
      cut: (records) => [records],
    },
    deps,
  );
  for await (const e of shared) {
    if ('error' in e) throw e.error;
    yield e.event;
  }
}
