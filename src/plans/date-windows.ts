// date_windows streams: one [lower, signpost) window per partition, paged through.
import { dayStartMs } from '../engine/dates.js';
import { syncDateWindows, type DayWindow } from '../engine/sync-date-windows.js';
import type { Partition } from '../engine/types.js';
import type { Planner } from './context.js';

export const planDateWindows: Planner = (ctx, prior) => {
  const { def, config, client } = ctx;
  return syncDateWindows(
    {
      stream: def.name,
      cursorField: def.cursorField ?? 'date',
      partitions: ctx.partitions,
      startDate: config.start_date,
      lookbackDays: config.lookback_days,
      maxDaysBack: def.maxDaysBack ?? null,
      defaultDaysBack: def.defaultDaysBack,
      fetchWindow: async function* (partition: Partition, window: DayWindow) {
        const query = {
          ...def.query,
          start_time: dayStartMs(window.startDay) / 1000,
          end_time: Math.floor(window.endMs / 1000),
          limit: def.limit ?? config.page_size,
        };
        const pages = client.pages(
          def.family,
          def.paging,
          ctx.url(partition),
          query,
          ctx.budgetKey(partition),
        );
        for await (const rows of pages) yield ctx.shaped(rows, partition);
      },
    },
    prior,
    ctx.deps,
  );
};
