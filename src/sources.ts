// Wiring: a row of the stream table + config + the API client → the planner of its sync style. The config
// comes to the planners here, directly; the API client holds only its own settings (api/families.ts).
// Neither the engine nor the protocol layer knows about URLs; the planners under plans/ join them.
import type { ApiClient } from './api/client.js';
import type { Config } from './config/schema.js';
import type { StreamState } from './engine/state.js';
import type { EngineDeps, Partition, Row, SyncEvent } from './engine/types.js';
import type { PlanContext, Planner } from './plans/context.js';
import { planUsageBuckets } from './plans/admin-buckets.js';
import { planFilteredScan } from './plans/admin-filtered-scan.js';
import { PARENTS, perParent } from './plans/admin-projects.js';
import { planDateWindows, planSharedDateWindows, sharedReadKey } from './plans/date-windows.js';
import type { SharedReads } from './engine/sync-shared-windows.js';
import { planLogEvents } from './logs/plan-events.js';
import { planLogFiles } from './logs/plan-files.js';
import { planCursorScan, planFullRefresh } from './plans/scan.js';
import type { StreamDef, SyncStyle } from './stream-def.js';
import { privacyTransform } from './transform/privacy.js';

export type StreamOpener = (def: StreamDef, prior: StreamState | undefined) => AsyncIterable<SyncEvent>;

const PLANNERS: Partial<Record<SyncStyle, Planner>> = {
  date_windows: planDateWindows,
  full_refresh: planFullRefresh,
  cursor_scan: planCursorScan,
  log_files: planLogFiles,
  log_events: planLogEvents,
  filtered_scan: planFilteredScan,
  usage_buckets: planUsageBuckets,
};

export function partitionsFor(def: StreamDef, config: Config): Partition[] {
  switch (def.partitions) {
    case 'workspace':
      return (config.workspace_ids ?? []).map((id) => ({ workspace_id: id }));
    case 'workspace_event_type':
      return (config.workspace_ids ?? []).flatMap((id) =>
        config.compliance_event_types.map((t) => ({ workspace_id: id, event_type: t })),
      );
    case 'organization':
      return [{}];
    case 'compliance_organization': {
      const eventType = def.query?.event_type;
      return config.organization_id === undefined || typeof eventType !== 'string'
        ? []
        : [{ organization_id: config.organization_id, event_type: eventType }];
    }
    case 'organization_and_tenant':
      return [{}, { tenant_only: 'true' }];
    case 'project':
    case 'group':
      return []; // listed from the API when the stream starts (plans/admin-projects.ts)
  }
}

function contextMaker(client: ApiClient, config: Config, deps: EngineDeps): (def: StreamDef) => PlanContext {
  const transform = privacyTransform({
    email: config.email_handling,
    content: config.content_handling,
    salt: config.hash_salt ?? '',
  });
  // The transform rewrites records in place, so the log pipeline keeps no line bytes when it does.
  const rewrites = config.email_handling !== 'keep' || config.content_handling !== 'keep';
  return (def) => ({
    def,
    config,
    client,
    deps,
    partitions: partitionsFor(def, config),
    shaped: (rows: Row[], partition: Partition) =>
      rows.flatMap((row) => def.shape(row, partition)).map(transform),
    privacy: transform,
    rewrites,
    budgetKey: (p) => p.workspace_id ?? p.organization_id ?? 'organization',
    url: (p) =>
      client.url(
        def.family,
        def.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(p[key] ?? '')),
        p.workspace_id,
        p.organization_id,
      ),
  });
}

export function makeOpener(client: ApiClient, config: Config, deps: EngineDeps): StreamOpener {
  const contextFor = contextMaker(client, config, deps);
  return (def, prior) => {
    const style = PLANNERS[def.sync];
    if (style === undefined) throw new Error(`${def.name}: no planner for sync style ${def.sync}`);
    const parent = PARENTS[def.partitions];
    const planner = parent ? perParent(parent, style) : style;
    return planner(contextFor(def), prior);
  };
}

/** Streams that send identical requests, read once (plans/date-windows.ts); events are tagged by member. */
export type SharedOpener = SharedReads<StreamDef>;

export function makeSharedOpener(client: ApiClient, config: Config, deps: EngineDeps): SharedOpener {
  const contextFor = contextMaker(client, config, deps);
  return {
    key: sharedReadKey,
    open: (members) =>
      planSharedDateWindows(
        members.map((m) => contextFor(m.def)),
        members.map((m) => m.prior),
      ),
  };
}
