// filtered_scan streams (the Admin audit log): a newest-first list the API can filter from a lower bound but
// not order by it. Every sync reads the whole list from the bound, so the engine's cursor scan applies: state
// advances only once the scan has ended. The bound is the saved cursor (inclusive: at least once beats losing
// an event of the same second); on a first sync, start_date or `defaultDaysBack` days before today.
import { addDays, dayOf, dayStartMs } from '../engine/dates.js';
import type { CursorValue } from '../engine/state.js';
import { syncCursorScan } from '../engine/sync-scan.js';
import type { Partition } from '../engine/types.js';
import type { PlanContext, Planner } from './context.js';

/** Unix seconds of the first day a first sync reads. */
export function firstSyncBound(startDate: string | undefined, nowMs: number, defaultDaysBack = 90): number {
  const day = startDate ?? addDays(dayOf(nowMs), -(defaultDaysBack - 1));
  return dayStartMs(day) / 1000;
}

/** A saved cursor as Unix seconds; a numeric string (a hand-edited state) counts too. */
function asSeconds(cursor: CursorValue | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const n = typeof cursor === 'number' ? cursor : Number(cursor);
  return Number.isFinite(n) ? Math.floor(n) : undefined;
}

async function* scanFrom(ctx: PlanContext, partition: Partition, lower: CursorValue | undefined) {
  const { def, config } = ctx;
  if (def.lowerBoundParam === undefined) throw new Error(`${def.name}: filtered_scan needs lowerBoundParam`);
  const bound = asSeconds(lower) ?? firstSyncBound(config.start_date, ctx.deps.now(), def.defaultDaysBack);
  const query = { ...def.query, limit: def.limit, [def.lowerBoundParam]: bound };
  const pages = ctx.client.pages(def.family, def.paging, ctx.url(partition), query, ctx.budgetKey(partition));
  for await (const rows of pages) yield ctx.shaped(rows, partition);
}

export const planFilteredScan: Planner = (ctx, prior) =>
  syncCursorScan(
    {
      stream: ctx.def.name,
      cursorField: ctx.def.cursorField ?? 'effective_at',
      partitions: ctx.partitions,
      fetchScan: (p, lower) => scanFrom(ctx, p, lower),
      // effective_at is Unix seconds.
      cursorAt: (ms) => Math.floor(ms / 1000),
    },
    prior,
    ctx.deps,
  );
