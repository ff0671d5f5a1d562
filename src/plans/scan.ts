// full_refresh and cursor_scan streams: every page of the endpoint, per partition.
import { syncCursorScan, syncFullRefresh } from '../engine/sync-scan.js';
import type { Partition } from '../engine/types.js';
import type { PlanContext, Planner } from './context.js';

async function* everything(ctx: PlanContext, partition: Partition) {
  const query = { ...ctx.def.query, limit: ctx.def.limit };
  const pages = ctx.client.pages(
    ctx.def.family,
    ctx.def.paging,
    ctx.url(partition),
    query,
    ctx.budgetKey(partition),
  );
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
