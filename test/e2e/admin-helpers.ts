// What the Admin end-to-end tests share: the Admin rows of the stream table, and the simulator's truth counted
// per stream. Both come from tables (the stream table, the simulator's routes), so a new Admin stream needs
// no edit here.
import type { Simulator } from '../../src/simulator/index.js';
import { STREAMS } from '../../src/streams.js';

const ADMIN_DEFS = STREAMS.filter((s) => s.family === 'admin');
const groupBy = (query: unknown) => [...((query as { group_by?: readonly string[] })?.group_by ?? [])];

/** Bucketed streams → [endpoint under /usage/ or 'costs', every group_by dimension]. */
export const BUCKETED: Record<string, [string, string[]]> = Object.fromEntries(
  ADMIN_DEFS.filter((s) => s.cursorField === 'date').map((s) => [
    s.name,
    [s.path.replace(/^\/usage\//, '').replace(/^\//, ''), groupBy(s.query)],
  ]),
);

export const DATED = Object.keys(BUCKETED);
export const INCREMENTAL = ADMIN_DEFS.filter((s) => s.cursorField !== undefined).map((s) => s.name);
export const LISTS = ADMIN_DEFS.filter((s) => s.sync === 'full_refresh').map((s) => s.name);
export const ADMIN = ADMIN_DEFS.map((s) => s.name);

/** Results of every bucket in [startDay, endDay), under whichever array key the simulator was told to use. */
export function bucketResults(
  sim: Simulator,
  stream: string,
  startDay: string,
  endDay: string,
): Record<string, unknown>[] {
  const [endpoint, dims] = BUCKETED[stream] ?? ['', []];
  const buckets =
    endpoint === 'costs'
      ? sim.truth.admin.costs(startDay, endDay, dims)
      : sim.truth.admin.usage(endpoint, startDay, endDay, dims);
  return buckets.flatMap((b) => (b.results ?? b.result ?? []) as Record<string, unknown>[]);
}

/** How many items a list stream holds: the list, or the sum over its parents (projects, groups). */
function listCount(sim: Simulator, path: string): number {
  const t = sim.truth.admin;
  const parent = /\{(project|group)_id\}/.exec(path)?.[1];
  if (parent === undefined) return t.listed(path)?.length ?? 0;
  const parents = t.listed(parent === 'project' ? '/projects' : '/groups') ?? [];
  return parents.reduce((n, p) => n + (t.listed(path.replace(/\{\w+\}/, p.id))?.length ?? 0), 0);
}

/** Records each Admin stream should yield when reading from `startDay` to `endDay`. */
export function expectedCounts(sim: Simulator, startDay: string, endDay: string): Record<string, number> {
  const startSec = Date.parse(`${startDay}T00:00:00Z`) / 1000;
  const dated = Object.fromEntries(DATED.map((s) => [s, bucketResults(sim, s, startDay, endDay).length]));
  const lists = Object.fromEntries(
    ADMIN_DEFS.filter((s) => s.sync === 'full_refresh').map((s) => [s.name, listCount(sim, s.path)]),
  );
  const audit = sim.truth.admin.auditLogs().filter((e) => e.effective_at >= startSec).length;
  return { ...dated, ...lists, organization_audit_logs: audit };
}
