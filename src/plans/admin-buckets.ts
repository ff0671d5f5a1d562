// Admin usage streams: the date-window planner, with the bucket width the config asks for (`admin_bucket_width`)
// and the page `limit` the spec allows for that width. The cursor stays the bucket's UTC day (`date`): at 1h or
// 1m a day holds many buckets, it is checkpointed once a later day's bucket has been emitted, and a resumed or
// incremental sync re-reads from the start of (saved day − lookback_days). So a state is always a safe resume
// point, at the price of re-reading up to a day of hourly or per-minute buckets.
import type { Planner } from './context.js';
import { planDateWindows } from './date-windows.js';

/** `limit` maxima per width, from the spec's usage operations ("1d: max 31, 1h: max 168, 1m: max 1440"). */
export const USAGE_BUCKET_LIMITS = { '1d': 31, '1h': 168, '1m': 1440 } as const;

export const planUsageBuckets: Planner = (ctx, prior) => {
  const width = ctx.config.admin_bucket_width;
  const def = {
    ...ctx.def,
    query: { ...ctx.def.query, bucket_width: width },
    limit: USAGE_BUCKET_LIMITS[width],
  };
  return planDateWindows({ ...ctx, def }, prior);
};
