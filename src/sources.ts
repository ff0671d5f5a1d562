// Wiring: a row of the stream table + config + the API client → the engine plan that syncs it.
// Neither the engine nor the protocol layer knows about URLs; this is the one place that joins them.
import type { ApiClient } from './api/client.js';
import type { Config } from './config/schema.js';
import { dayStartMs } from './engine/dates.js';
import { syncDateWindows, type DayWindow } from './engine/sync-date-windows.js';
import { syncCursorScan, syncFullRefresh } from './engine/sync-scan.js';
import type { StreamState } from './engine/state.js';
import type { EngineDeps, Partition, Row, SyncEvent } from './engine/types.js';
import type { StreamDef } from './stream-def.js';
import { privacyTransform } from './transform/privacy.js';

export type StreamOpener = (def: StreamDef, prior: StreamState | undefined) => AsyncIterable<SyncEvent>;

export function partitionsFor(def: StreamDef, config: Config): Partition[] {
  switch (def.partitions) {
    case 'workspace':
      return (config.workspace_ids ?? []).map((id) => ({ workspace_id: id }));
    case 'workspace_event_type':
      return (config.workspace_ids ?? []).flatMap((id) =>
        config.compliance_event_types.map((t) => ({ workspace_id: id, event_type: t })),
      );
    case 'organization':
    case 'project':
      return [{}];
  }
}

export function makeOpener(client: ApiClient, deps: EngineDeps): StreamOpener {
  const config = client.config;
  const privacy = privacyTransform({
    email: config.email_handling,
    content: config.content_handling,
    salt: config.hash_salt ?? '',
  });
  const shaped = (def: StreamDef, rows: Row[], partition: Partition): Row[] =>
    rows.flatMap((row) => def.shape(row, partition)).map(privacy);

  return (def, prior) => {
    const partitions = partitionsFor(def, config);
    const budgetKey = (p: Partition) => p.workspace_id ?? 'organization';
    const url = (p: Partition) => client.url(def.family, def.path, p.workspace_id);
    if (def.sync === 'date_windows') {
      return syncDateWindows(
        {
          stream: def.name,
          cursorField: def.cursorField ?? 'date',
          partitions,
          startDate: config.start_date,
          lookbackDays: config.lookback_days,
          maxDaysBack: def.maxDaysBack ?? null,
          fetchWindow: async function* (partition: Partition, window: DayWindow) {
            const query = {
              ...def.query,
              start_time: dayStartMs(window.startDay) / 1000,
              end_time: Math.floor(window.endMs / 1000),
              limit: def.limit ?? config.page_size,
            };
            for await (const rows of client.pages(
              def.family,
              def.paging,
              url(partition),
              query,
              budgetKey(partition),
            ))
              yield shaped(def, rows, partition);
          },
        },
        prior,
        deps,
      );
    }
    const fetchAll = async function* (partition: Partition) {
      const query = { ...def.query, limit: def.limit };
      for await (const rows of client.pages(
        def.family,
        def.paging,
        url(partition),
        query,
        budgetKey(partition),
      ))
        yield shaped(def, rows, partition);
    };
    if (def.sync === 'cursor_scan') {
      const cursorField = def.cursorField ?? 'updated_at';
      return syncCursorScan(
        { stream: def.name, cursorField, partitions, fetchScan: (p) => fetchAll(p) },
        prior,
        deps,
      );
    }
    if (def.sync === 'full_refresh')
      return syncFullRefresh({ stream: def.name, partitions, fetchAll }, prior, deps);
    throw new Error(`${def.name}: sync style ${def.sync} is not wired yet`);
  };
}
