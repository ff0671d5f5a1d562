// Before compliance_logs reads its files: how far behind the API's logs are, per workspace and event type.
// A partition whose newest event is more than 24 hours old gets a WARN (the sync is complete, but the API
// has not yet delivered the last day); a deployment without the endpoint (404) gets nothing.
import { fetchFreshness } from '../api/freshness.js';
import { describeLag, STALE_AFTER_MS } from '../engine/lag.js';
import type { Partition, SyncEvent } from '../engine/types.js';
import type { PlanContext } from '../plans/context.js';

async function* partitionWarning(ctx: PlanContext, p: Partition, nowMs: number): AsyncGenerator<SyncEvent> {
  const { workspace_id: workspaceId, event_type: eventType } = p;
  if (workspaceId === undefined || eventType === undefined) return; // organization logs have no endpoint
  try {
    const f = await fetchFreshness(ctx.client, workspaceId, eventType, nowMs);
    if (f?.lagMs === null || f === undefined || f.lagMs <= STALE_AFTER_MS) return;
    yield {
      type: 'log',
      level: 'WARN',
      message: `${ctx.def.name}: the Compliance API's newest ${eventType} event for workspace ${workspaceId} is from ${String(f.maxEventTime)}, ${describeLag(f.lagMs)} ago: its logs are more than 24 hours behind, so recent events will come in a later sync.`,
    };
  } catch (error) {
    // Freshness is advice: a failure to read it must not fail the stream.
    const why = error instanceof Error ? error.message : String(error);
    yield {
      type: 'log',
      level: 'INFO',
      message: `${ctx.def.name}: could not read how far behind the logs are. ${why}`,
    };
  }
}

export async function* freshnessWarnings(ctx: PlanContext): AsyncGenerator<SyncEvent> {
  const nowMs = ctx.deps.now();
  for (const p of ctx.partitions) yield* partitionWarning(ctx, p, nowMs);
}
