// Daily buckets for the usage and costs endpoints: aggregation of atoms per group_by and filters. One bucket per
// UTC day, empty `results` on days without data; only the last `options.days` days (today included) have data.
import type { Atom, BucketKind, DimValue } from './admin-usage-data.js';
import { DAY, today } from './admin-query.js';
import { orgFor } from './admin-org.js';
import type { SimContext } from './types.js';

/** Dimension filters (query parameter → dimension); a filter applies where the endpoint has the dimension. */
export const FILTERS: Record<string, string> = {
  project_ids: 'project_id',
  user_ids: 'user_id',
  api_key_ids: 'api_key_id',
  models: 'model',
};

export interface BucketQuery {
  groupBy: readonly string[];
  /** Dimension → accepted values; dimensions absent here are not filtered. */
  filters: Record<string, readonly string[]>;
}

export type Bucket = Record<string, unknown> & { object: 'bucket'; start_time: number; end_time: number };

function keep(atom: Atom, filters: BucketQuery['filters']): boolean {
  return Object.entries(filters).every(([dim, values]) => values.includes(String(atom.dims[dim])));
}

/** Sums atoms over the dimensions not grouped by; ungrouped dimensions come out null, as the API sends them. */
export function aggregate(
  kind: BucketKind,
  atoms: readonly Atom[],
  query: BucketQuery,
): Record<string, unknown>[] {
  const groups = new Map<string, { dims: Record<string, DimValue>; metrics: Record<string, number> }>();
  for (const atom of atoms) {
    if (!keep(atom, query.filters)) continue;
    const dims = Object.fromEntries(
      kind.dims.map((d) => [d, query.groupBy.includes(d) ? (atom.dims[d] ?? null) : null]),
    );
    const key = JSON.stringify(dims);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { dims, metrics: { ...atom.metrics } });
      continue;
    }
    for (const [name, value] of Object.entries(atom.metrics))
      group.metrics[name] = (group.metrics[name] ?? 0) + value;
  }
  return [...groups.values()].map((g) => kind.shape(g.metrics, g.dims));
}

/** The buckets for UTC days [startDay, endDay), keyed `results` unless the option asks for the schema's `result`. */
export function bucketsFor(
  ctx: SimContext,
  kind: BucketKind,
  startDay: number,
  endDay: number,
  query: BucketQuery,
): Bucket[] {
  const org = orgFor(ctx);
  const last = today(ctx);
  const first = last - ctx.options.days + 1;
  const arrayKey = ctx.options.bucketArrayKey === 'result' ? 'result' : 'results';
  const buckets: Bucket[] = [];
  for (let day = startDay; day < endDay; day++) {
    const atoms = day >= first && day <= last ? kind.atoms(ctx.seed, day, org) : [];
    buckets.push({
      object: 'bucket',
      start_time: day * DAY,
      end_time: (day + 1) * DAY,
      [arrayKey]: aggregate(kind, atoms, query),
    });
  }
  return buckets;
}
