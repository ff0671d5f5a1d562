// How an Admin row of the stream table is built: a usage endpoint is its name, its group-by dimensions and
// its published schema; a list endpoint is its path, its parent (if any) and its published schema. Paging,
// sync style, keys and shaping follow from that, so adding an Admin stream is one call in streams/admin.ts
// plus `npm run gen:admin-schemas` (its schema, from the vendored spec).
import { shapeBuckets, shapeChildItem, shapeListItem } from '../shapes/admin.js';
import type { PagingStyle, StreamDef } from '../stream-def.js';
import { ADMIN_COSTS_BUCKETS, ADMIN_LIST_LIMIT } from '../page-limits.js';

const adminDaily = {
  family: 'admin',
  paging: 'page',
  sync: 'date_windows',
  partitions: 'organization',
  primaryKey: 'id',
  cursorField: 'date',
  // The Admin API serves usage back to the organization's first day; 90 days is a first sync's default depth.
  maxDaysBack: null,
  defaultDaysBack: 90,
} as const;

/** The published spec names the parameter `group_by` with OpenAPI's default style (form, exploded): the key
 * repeated, `group_by=a&group_by=b`. (Audit log filters, by contrast, are named `event_types[]` in the spec.)
 * Every dimension goes into the query and into the record id, so a record is one combination of all of them
 * and two results can never collide (e.g. differing only in batch). */
const grouped = (dims: readonly string[]) => ({ group_by: dims });

export interface UsageRow {
  /** `/organization/usage/<endpoint>`. */
  endpoint: string;
  /** Every group_by value the spec allows for the endpoint. */
  dims: readonly string[];
  specSchema: string;
  description: string;
  /** Default `organization_<endpoint>_usage`. */
  name?: string;
  suggested?: boolean;
}

/** A usage endpoint, bucketed at the configured `admin_bucket_width` (plans/admin-buckets.ts). */
export function usageStream(row: UsageRow): StreamDef {
  const name = row.name ?? `organization_${row.endpoint}_usage`;
  return {
    ...adminDaily,
    sync: 'usage_buckets',
    name,
    specSchema: row.specSchema,
    path: `/usage/${row.endpoint}`,
    query: grouped(row.dims),
    shape: shapeBuckets(name, row.dims),
    suggested: row.suggested ?? false,
    access: 'Admin key (usage)',
    description: row.description,
  };
}

/** The costs endpoint: daily only (the only width the spec allows), 1-180 buckets a page. */
export function costsStream(dims: readonly string[], description: string): StreamDef {
  return {
    ...adminDaily,
    name: 'organization_costs',
    specSchema: 'CostsResult',
    path: '/costs',
    query: { bucket_width: '1d', ...grouped(dims) },
    limit: ADMIN_COSTS_BUCKETS,
    shape: shapeBuckets('organization_costs', dims),
    suggested: true,
    access: 'Admin key (costs)',
    description,
  };
}

export interface ListRow {
  name: string;
  path: string;
  specSchema: string;
  description: string;
  /** Listed once per project or group (`{project_id}`/`{group_id}` in the path); the parent id is added. */
  parent?: 'project' | 'group';
  /** Where the item's own id is not unique across parents: the field it moves to (`id` = parent:own). */
  ownId?: string;
  query?: Readonly<Record<string, string>>;
  /** `after_last_id` (envelope `last_id`) unless the endpoint answers with `next`. */
  paging?: PagingStyle;
  limit?: number;
  suggested?: boolean;
  /** The permissions table's note, when the Admin key alone is not the whole story. */
  access?: string;
}

/** A list endpoint read whole on every sync (the API offers no change filter for them). */
export function listStream(row: ListRow): StreamDef {
  const parentKey = row.parent === undefined ? undefined : `${row.parent}_id`;
  return {
    family: 'admin',
    name: row.name,
    specSchema: row.specSchema,
    path: row.path,
    query: row.query,
    paging: row.paging ?? 'after_last_id',
    limit: row.limit ?? ADMIN_LIST_LIMIT,
    sync: 'full_refresh',
    partitions: row.parent ?? 'organization',
    primaryKey: 'id',
    shape: parentKey ? shapeChildItem(row.name, parentKey, row.ownId) : shapeListItem(row.name),
    suggested: row.suggested ?? false,
    access: row.access ?? 'Admin key',
    description: row.description,
  };
}
