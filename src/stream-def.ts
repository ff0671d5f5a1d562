// The shape of one row of the stream table. Data only: read by the protocol side (catalog, README) and the
// API side (paths, paging), while the engine sees only the plans built from it.
import type { Partition, Row } from './engine/types.js';

export type Family = 'analytics' | 'compliance' | 'admin';

/** The few named paging styles (api/envelopes.ts PAGING_STYLES: which field holds the token, which parameter
 * carries it back); a stream declares one. The one deliberate exception is `any_list`, for an endpoint whose
 * envelope no public source shows: it reads every list envelope of the family (api/list-envelopes.ts). */
export type PagingStyle =
  'page' | 'after_end_time' | 'cursor' | 'cursor_or_last_id' | 'after_last_id' | 'after_next' | 'any_list';

/** `filtered_scan`: a cursor scan whose lower bound the API filters server-side (`lowerBoundParam`).
 * `usage_buckets`: date windows over Admin usage buckets of the configured `admin_bucket_width`. */
export type SyncStyle =
  | 'date_windows'
  | 'usage_buckets'
  | 'full_refresh'
  | 'cursor_scan'
  | 'filtered_scan'
  | 'log_files'
  | 'log_events';

/** How a stream's state and requests are sliced. `organization_and_tenant`: the organization read twice,
 * as `{}` and as `{tenant_only: 'true'}` (the Admin audit log serves tenant-scoped events only to the latter).
 * `compliance_organization`: the configured `organization_id` with the stream's `event_type` query. */
export type PartitionStyle =
  | 'workspace'
  | 'workspace_event_type'
  | 'organization'
  | 'organization_and_tenant'
  | 'project'
  | 'group'
  | 'compliance_organization';

export interface StreamDef {
  name: string;
  family: Family;
  /** Path under the family root: analytics `…/analytics/codex/workspaces/{id}`, compliance
   * `…/compliance/workspaces/{id}`, admin `…/organization`. `{project_id}` is filled per partition. */
  path: string;
  query?: Readonly<Record<string, string | readonly string[]>>;
  paging: PagingStyle;
  /** Page size parameter value; analytics uses the `page_size` config instead. */
  limit?: number;
  sync: SyncStyle;
  partitions: PartitionStyle;
  /** One field, or several where a field alone repeats across partitions (`compliance_users`: a person is a
   * member of more than one workspace). `keyFields` gives the list. */
  primaryKey: string | readonly string[];
  /** Present for incremental streams. */
  cursorField?: string;
  /** Turns one API row into zero or more records. */
  shape: (row: Row, partition: Partition) => Row[];
  /** Where `shape` only adds string fields to the row: those fields. The log pipeline then adds them to the
   * line's own bytes as well and emits those, unserialized (logs/raw-json.ts). */
  addedFields?: (row: Row, partition: Partition) => Record<string, string>;
  /** Days the API serves back from today (Analytics 90, Compliance logs 30); null when unlimited. */
  maxDaysBack?: number | null;
  /** Default first-sync depth when start_date is not set and the API has no limit. */
  defaultDaysBack?: number;
  /** filtered_scan: the query parameter that takes the lower bound, inclusive (`effective_at[gte]`). */
  lowerBoundParam?: string;
  /** A config key the stream needs besides its family's key (it is not offered without it). */
  needs?: 'organization_id';
  /** The vendor's published schema of one API row (an OpenAPI component name), where there is one: the
   * contract test holds schemas/<name>.json and the simulator to it (test/contract/). */
  specSchema?: string;
  /** Whether Airbyte should suggest the stream in a new connection. */
  suggested: boolean;
  /** What the stream's key must be allowed, for the docs' permissions table (Admin streams: `Admin key` and
   * any note on what else the organization needs). */
  access?: string;
  description: string;
}

/** The primary key's fields, in order. */
export function keyFields(def: Pick<StreamDef, 'primaryKey'>): string[] {
  return typeof def.primaryKey === 'string' ? [def.primaryKey] : [...def.primaryKey];
}
