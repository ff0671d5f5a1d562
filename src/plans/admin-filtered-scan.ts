// filtered_scan streams (the Admin audit log): a newest-first list the API can filter from a lower bound but
// not order by it. Every sync reads the whole list from the bound, so the engine's cursor scan applies: state
// advances only once the scan has ended. The bound is the saved cursor (inclusive: at least once beats losing
// an event of the same second); on a first sync, start_date or `defaultDaysBack` days before today.
// A `{tenant_only: 'true'}` partition is the same scan with `tenant_only=true`, which the API requires for
// tenant-scoped event types. A key without tenant rights (403 there) gets a WARN: the organization's own
// events were read, and that partition's cursor stays where it was.
import { addDays, dayOf, dayStartMs } from '../engine/dates.js';
import { SourceError } from '../engine/errors.js';
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
  const scope = partition.tenant_only === 'true' ? { tenant_only: 'true' } : {};
  const query = { ...def.query, ...scope, limit: def.limit, [def.lowerBoundParam]: bound };
  const pages = ctx.client.pages(def.family, def.paging, ctx.url(partition), query, ctx.budgetKey(partition));
  for await (const rows of pages) yield ctx.shaped(rows, partition);
}

const isForbidden = (err: unknown) => err instanceof SourceError && err.status === 403;

export const planFilteredScan: Planner = async function* (ctx, prior) {
  const refused: string[] = [];
  async function* fetchScan(partition: Partition, lower: CursorValue | undefined) {
    let pages = 0;
    try {
      for await (const rows of scanFrom(ctx, partition, lower)) {
        pages++;
        yield rows;
      }
    } catch (err) {
      // Only a refusal of the first page is "no tenant rights"; later, it would end the scan early and the
      // cursor would pass events never read.
      if (partition.tenant_only !== 'true' || pages > 0 || !isForbidden(err)) throw err;
      refused.push(ctx.def.name);
    }
  }
  const events = syncCursorScan(
    {
      stream: ctx.def.name,
      cursorField: ctx.def.cursorField ?? 'effective_at',
      partitions: ctx.partitions,
      fetchScan,
      // effective_at is Unix seconds.
      cursorAt: (ms) => Math.floor(ms / 1000),
    },
    prior,
    ctx.deps,
  );
  for await (const event of events) {
    if (event.type === 'state' && refused.length > 0) {
      yield {
        type: 'log',
        level: 'WARN',
        message: `${ctx.def.name}: the admin_api_key may not read tenant-scoped audit events (403 with tenant_only=true); organization events were read, tenant-scoped ones (tenant.*, role bindings) were not. Use an Admin key with tenant audit log access to read them.`,
      };
    }
    yield event;
  }
};
