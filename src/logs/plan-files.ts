// log_files streams: the Compliance listing per workspace and event type, paged by last_end_time.
import { toPage } from '../api/envelopes.js';
import { withQuery } from '../api/client.js';
import { syncLogFiles, type LogListing } from './sync-files.js';
import type { Partition } from '../engine/types.js';
import type { PlanContext, Planner } from '../plans/context.js';
import { COMPLIANCE_LOGS_LIMIT } from '../page-limits.js';

/** Days the Compliance API keeps log files. */
const RETENTION_DAYS = 30;

export function logListing(ctx: PlanContext): LogListing {
  const { def, config, client } = ctx;
  return {
    stream: def.name,
    cursorField: def.cursorField ?? 'end_time',
    partitions: ctx.partitions,
    startDate: config.start_date,
    maxDaysBack: def.maxDaysBack ?? RETENTION_DAYS,
    request: (partition: Partition) => `Compliance API GET ${ctx.url(partition).pathname}`,
    listPage: async (partition: Partition, after: string) => {
      const query = {
        ...def.query,
        event_type: partition.event_type,
        after,
        limit: def.limit ?? COMPLIANCE_LOGS_LIMIT,
      };
      const url = withQuery(ctx.url(partition), query);
      const body = await client.getJson(def.family, url, ctx.budgetKey(partition));
      return toPage(def.paging, body, `Compliance API GET ${url.pathname}`);
    },
  };
}

export const planLogFiles: Planner = (ctx, prior) =>
  syncLogFiles({ ...logListing(ctx), toRecords: (rows, p) => ctx.shaped(rows, p) }, prior, ctx.deps);
