// full_refresh and cursor_scan streams: every page of the endpoint, per partition.
import { syncCursorScan, syncFullRefresh } from '../engine/sync-scan.js';
import type { Partition } from '../engine/types.js';
import type { PlanContext, Planner } from './context.js';

/** Every page, at the row's page size; a 422 naming `limit` steps it down for the rest of the sync (the
 * sizes of page-limits.ts are not all stated by a source). */
async function* everything(ctx: PlanContext, partition: Partition) {
  const { def } = ctx;
  const request = [
    def.family,
    def.paging,
    ctx.url(partition),
    { ...def.query },
    ctx.budgetKey(partition),
  ] as const;
  const pages =
    def.limit === undefined ? ctx.client.pages(...request) : ctx.client.sizedPages(...request, def.limit);
  for await (const rows of pages) yield ctx.shaped(rows, partition);
}

export const planFullRefresh: Planner = (ctx, prior) =>
  syncFullRefresh(
    { stream: ctx.def.name, partitions: ctx.partitions, fetchAll: (p) => everything(ctx, p) },
    prior,
    ctx.deps,
  );

export const planCursorScan: Planner = (ctx, prior) =>
  syncCursorScan(
    {
      stream: ctx.def.name,
      cursorField: ctx.def.cursorField ?? 'updated_at',
      partitions: ctx.partitions,
      fetchScan: (p) => everything(ctx, p),
      // Codex task times are shaped to ISO 8601 with milliseconds (shapes/compliance.ts).
      cursorAt: (ms) => new Date(ms).toISOString(),
    },
    prior,
    ctx.deps,
  );
