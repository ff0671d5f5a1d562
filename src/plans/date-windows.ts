// date_windows streams: one [lower, signpost) window per partition, paged through. Streams whose requests are
// identical share one read (engine/sync-shared-windows.ts); a stream alone is the one-member case.
import { dayStartMs } from '../engine/dates.js';
import type { StreamState } from '../engine/state.js';
import type { DayWindow } from '../engine/sync-date-windows.js';
import { syncSharedWindows, type MemberCut, type MemberEvent } from '../engine/sync-shared-windows.js';
import type { Partition, Row, SyncEvent } from '../engine/types.js';
import type { StreamDef } from '../stream-def.js';
import type { PlanContext, Planner } from './context.js';

/** Streams with equal keys send identical requests: same family, path, query and page size. */
export function sharedReadKey(def: StreamDef): string | undefined {
  if (def.sync !== 'date_windows') return undefined;
  const query = Object.entries(def.query ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([def.family, def.partitions, def.path, query, def.limit ?? null, def.maxDaysBack]);
}

function fetchWindow(ctx: PlanContext) {
  const { def, config, client } = ctx;
  return (partition: Partition, window: DayWindow): AsyncIterable<Row[]> => {
    const query = {
      ...def.query,
      start_time: dayStartMs(window.startDay) / 1000,
      end_time: Math.floor(window.endMs / 1000),
    };
    const wanted = def.limit ?? config.page_size;
    const url = ctx.url(partition);
    return client.sizedPages(def.family, def.paging, url, query, ctx.budgetKey(partition), wanted);
  };
}

/**
 * Each member cuts its records from the same API rows. email/content handling rewrites each row once, before
 * any member shapes it: the shapes only copy fields, so this equals handling each record after shaping, and no
 * member can see a value another has already hashed (nor hash one twice). Shapes copy what they take from a row.
 */
function cutAll(ctxs: readonly PlanContext[]) {
  const privacy = ctxs[0]?.privacy ?? ((row: Row) => row);
  return (rows: Row[], partition: Partition, members: readonly number[]): MemberCut[] => {
    let handled: Row[];
    try {
      handled = rows.map(privacy);
    } catch (error) {
      return members.map(() => ({ error }));
    }
    return members.map((i) => {
      const def = ctxs[i]?.def;
      if (def === undefined) return { error: new Error(`no stream at ${i}`) };
      try {
        return handled.flatMap((row) => def.shape(row, partition));
      } catch (error) {
        return { error };
      }
    });
  };
}

/** One read for every member (the first one's requests), each page cut into every member's records. */
export function planSharedDateWindows(
  ctxs: readonly PlanContext[],
  priors: readonly (StreamState | undefined)[],
): AsyncIterable<MemberEvent> {
  const first = ctxs[0];
  if (first === undefined) throw new Error('a shared read needs at least one stream');
  const { def, config } = first;
  return syncSharedWindows(
    {
      members: ctxs.map((c, i) => ({
        stream: c.def.name,
        cursorField: c.def.cursorField ?? 'date',
        prior: priors[i],
      })),
      partitions: first.partitions,
      startDate: config.start_date,
      lookbackDays: config.lookback_days,
      maxDaysBack: def.maxDaysBack ?? null,
      defaultDaysBack: def.defaultDaysBack,
      fetchWindow: fetchWindow(first),
      cut: cutAll(ctxs),
    },
    first.deps,
  );
}

export const planDateWindows: Planner = async function* (ctx, prior): AsyncGenerator<SyncEvent> {
  for await (const e of planSharedDateWindows([ctx], [prior])) {
    if ('error' in e) throw e.error;
    yield e.event;
  }
};
