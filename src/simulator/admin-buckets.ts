// Buckets for the usage and costs endpoints: aggregation of atoms per group_by and filters. One bucket per UTC
// day (or hour, or minute), empty `results` where there is no data; only the last `options.days` days (today
// included) have data.
import type { Atom, BucketKind, DimValue } from './admin-usage-data.js';
import { DAY, nowSec, today } from './admin-query.js';
import { orgFor } from './admin-org.js';
import { randInt } from './random.js';
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

/** A day's atoms, each at a second of the day (by a hash of its index): a bucket of any width holds those
 * in its span, so hourly or per-minute buckets add up to the daily one, and usage not yet made (later today)
 * is in none of them. */
function timedAtoms(ctx: SimContext, kind: BucketKind, day: number): { at: number; atom: Atom }[] {
  const last = today(ctx);
  if (day < last - ctx.options.days + 1 || day > last) return [];
  const now = nowSec(ctx);
  return kind
    .atoms(ctx.seed, day, orgFor(ctx))
    .map((atom, i) => ({ at: day * DAY + randInt(ctx.seed, 0, DAY - 1, 'at', day, i), atom }))
    .filter((t) => t.at <= now);
}

/**
 * The buckets [startIndex, endIndex) of `width` seconds (a bucket's index is its start / width), keyed
 * `results` unless the option asks for the schema's `result`. Only the last `options.days` days have data.
 */
export function bucketsFor(
  ctx: SimContext,
  kind: BucketKind,
  startIndex: number,
  endIndex: number,
  query: BucketQuery,
  width = DAY,
): Bucket[] {
  const arrayKey = ctx.options.bucketArrayKey === 'result' ? 'result' : 'results';
  const days = new Map<number, { at: number; atom: Atom }[]>();
  const buckets: Bucket[] = [];
  for (let i = startIndex; i < endIndex; i++) {
    const start = i * width;
    const day = Math.floor(start / DAY);
    let timed = days.get(day);
    if (!timed) days.set(day, (timed = timedAtoms(ctx, kind, day)));
    const atoms = timed.filter((t) => t.at >= start && t.at < start + width).map((t) => t.atom);
    buckets.push({
      object: 'bucket',
      start_time: start,
      end_time: start + width,
      [arrayKey]: aggregate(kind, atoms, query),
    });
  }
  return buckets;
}
