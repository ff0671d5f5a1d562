// The baseline's requests, written out independently of the connector's stream table: one window per
// endpoint and workspace ([first day 00:00 UTC, now)), the connector's page sizes, the APIs' own paging.
import type { PagesJob } from './baseline-types.js';
import type { SimInfo } from './sim-types.js';

const DAY_MS = 86_400_000;

/** Unix seconds of 00:00 UTC, `daysBack - 1` days before today: a `daysBack`-day window ending today. */
export function windowStart(daysBack: number, nowMs = Date.now()): number {
  const today = Math.floor(nowMs / DAY_MS);
  return ((today - (daysBack - 1)) * DAY_MS) / 1000;
}

function url(base: string, path: string, query: [string, string | number][]): string {
  const u = new URL(`${base}${path}`);
  for (const [k, v] of query) u.searchParams.append(k, String(v));
  return u.toString();
}

/** Analytics: /usage (per user, and group=workspace), /code_reviews, /code_review_responses; 90 days. */
export function analyticsJobs(sim: SimInfo, pageSize: number): Record<string, PagesJob> {
  const ws = sim.workspaceIds[0] ?? '';
  const base = `${sim.apiBaseUrl}/analytics/codex/workspaces/${ws}`;
  const window: [string, number][] = [
    ['start_time', windowStart(90)],
    ['end_time', Math.floor(Date.now() / 1000)],
    ['limit', pageSize],
  ];
  const job = (name: string, path: string, extra: [string, string][] = []): PagesJob => ({
    name,
    url: url(base, path, [...extra, ...window]),
    tokenParam: 'page',
    tokenField: 'next_page',
    rowsOf: 'data',
  });
  return {
    usage: job('usage', '/usage'),
    workspace_usage: job('workspace_usage', '/usage', [['group', 'workspace']]),
    code_reviews: job('code_reviews', '/code_reviews'),
    code_review_responses: job('code_review_responses', '/code_review_responses'),
  };
}

/** Which baseline job holds the API rows of each analytics stream (three streams read /usage). */
export const ANALYTICS_JOB_OF: Record<string, string> = {
  usage: 'usage',
  usage_by_client: 'usage',
  usage_by_model: 'usage',
  workspace_usage: 'workspace_usage',
  code_reviews: 'code_reviews',
  code_review_responses: 'code_review_responses',
};

const ADMIN_BUCKETS: [string, string, string[], number][] = [
  [
    'organization_completions_usage',
    '/usage/completions',
    ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'],
    31,
  ],
  [
    'organization_embeddings_usage',
    '/usage/embeddings',
    ['project_id', 'user_id', 'api_key_id', 'model'],
    31,
  ],
  ['organization_code_interpreter_sessions', '/usage/code_interpreter_sessions', ['project_id'], 31],
  ['organization_costs', '/costs', ['project_id', 'line_item', 'api_key_id'], 180],
];

export interface AdminJob extends PagesJob {
  /** Buckets per page (`limit`): Admin usage pages count days, not rows. */
  limit: number;
}

/** Admin usage and costs: daily buckets over the 90 days a first sync reads, all dimensions grouped. */
export function adminJobs(sim: SimInfo): AdminJob[] {
  const base = `${sim.adminBaseUrl}/organization`;
  return ADMIN_BUCKETS.map(([name, path, dims, limit]) => ({
    name,
    url: url(base, path, [
      ['bucket_width', '1d'],
      ...dims.map((d): [string, string] => ['group_by[]', d]),
      ['start_time', windowStart(90)],
      ['end_time', Math.floor(Date.now() / 1000)],
      ['limit', limit],
    ]),
    tokenParam: 'page',
    tokenField: 'next_page',
    rowsOf: 'buckets',
    limit,
  }));
}

export function tasksJob(sim: SimInfo): PagesJob {
  const ws = sim.workspaceIds[0] ?? '';
  return {
    name: 'codex_tasks',
    url: url(`${sim.apiBaseUrl}/compliance/workspaces/${ws}`, '/codex_tasks', [['limit', 30]]),
    tokenParam: 'cursor',
    tokenField: 'cursor',
    rowsOf: 'data',
  };
}

/** Admin lists at the organization level, `after=<last_id>` paging, 100 a page, as the connector reads them. */
export function adminListJobs(sim: SimInfo): PagesJob[] {
  const base = `${sim.adminBaseUrl}/organization`;
  const list = (name: string, path: string, query: [string, string | number][] = []): PagesJob => ({
    name,
    url: url(base, path, [...query, ['limit', 100]]),
    tokenParam: 'after',
    tokenField: 'last_id',
    rowsOf: 'data',
  });
  return [
    list('organization_audit_logs', '/audit_logs', [['effective_at[gte]', windowStart(90)]]),
    list('organization_users', '/users'),
    list('organization_invites', '/invites'),
    list('organization_projects', '/projects', [['include_archived', 'true']]),
  ];
}
