// What every planner gets: the stream's row, config, the API client, engine deps, and the record pipeline
// (shape, then privacy) that every family shares.
import type { ApiClient } from '../api/client.js';
import type { Config } from '../config/schema.js';
import type { StreamState } from '../engine/state.js';
import type { EngineDeps, Partition, Row, SyncEvent } from '../engine/types.js';
import type { StreamDef } from '../stream-def.js';

export interface PlanContext {
  def: StreamDef;
  config: Config;
  client: ApiClient;
  deps: EngineDeps;
  /** API rows → records: the row's shape function, then email/content handling. */
  shaped(rows: Row[], partition: Partition): Row[];
  /** email/content handling alone, for planners that shape themselves (shared reads). */
  privacy(record: Row): Row;
  /** Whether privacy rewrites records (email or content hashed or dropped): a record's own bytes then no
   * longer stand for it. */
  rewrites: boolean;
  /** Partitions from config (workspaces, event types); the org as one partition. */
  partitions: Partition[];
  /** Budget key for a partition: the workspace, or the organization. */
  budgetKey(partition: Partition): string;
  /** The endpoint URL of this stream for a partition. */
  url(partition: Partition): URL;
}

export type Planner = (ctx: PlanContext, prior: StreamState | undefined) => AsyncIterable<SyncEvent>;
