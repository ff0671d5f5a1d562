// What the Admin end-to-end tests share: the stream names, and the simulator's truth counted per stream.
import type { Simulator } from '../../src/simulator/index.js';

export const BUCKETED = {
  organization_completions_usage: [
    'completions',
    ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'],
  ],
  organization_embeddings_usage: ['embeddings', ['project_id', 'user_id', 'api_key_id', 'model']],
  organization_code_interpreter_sessions: ['code_interpreter_sessions', ['project_id']],
  organization_costs: ['costs', ['project_id', 'line_item', 'api_key_id']],
} as const;

export const DATED = Object.keys(BUCKETED) as (keyof typeof BUCKETED)[];
export const INCREMENTAL = [...DATED, 'organization_audit_logs'];
export const LISTS = [
  'organization_users',
  'organization_invites',
  'organization_projects',
  'organization_project_api_keys',
  'organization_project_service_accounts',
];
export const ADMIN = [...INCREMENTAL, ...LISTS];

/** Results of every bucket in [startDay, endDay), under whichever array key the simulator was told to use. */
export function bucketResults(
  sim: Simulator,
  stream: keyof typeof BUCKETED,
  startDay: string,
  endDay: string,
): Record<string, unknown>[] {
  const [endpoint, dims] = BUCKETED[stream];
  const buckets =
    endpoint === 'costs'
      ? sim.truth.admin.costs(startDay, endDay, [...dims])
      : sim.truth.admin.usage(endpoint, startDay, endDay, [...dims]);
  return buckets.flatMap((b) => (b.results ?? b.result ?? []) as Record<string, unknown>[]);
}

/** Records each Admin stream should yield when reading from `startDay` (Unix seconds `startSec`) to `endDay`. */
export function expectedCounts(sim: Simulator, startDay: string, endDay: string): Record<string, number> {
  const t = sim.truth.admin;
  const startSec = Date.parse(`${startDay}T00:00:00Z`) / 1000;
  const projects = t.projects(true);
  const perProject = (f: (id: string) => unknown[] | undefined) =>
    projects.reduce((n, p) => n + (f(p.id) ?? []).length, 0);
  const dated = Object.fromEntries(DATED.map((s) => [s, bucketResults(sim, s, startDay, endDay).length]));
  return {
    ...dated,
    organization_audit_logs: t.auditLogs().filter((e) => e.effective_at >= startSec).length,
    organization_users: t.users().length,
    organization_invites: t.invites().length,
    organization_projects: projects.length,
    organization_project_api_keys: perProject((id) => t.projectApiKeys(id)),
    organization_project_service_accounts: perProject((id) => t.projectServiceAccounts(id)),
  };
}
