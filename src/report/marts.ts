// What the report shows, read from the marts only (never from the raw tables), as plain rows.
import type { DuckDBConnection } from '@duckdb/node-api';

export type EmailHandling = 'keep' | 'hash' | 'drop';

export interface TopUser {
  /** An email address when the connector kept emails, else the Codex user id: never a hash. */
  who: string;
  credits: number;
  threads: number;
  estimatedCostUsd: number | null;
}

export interface ReportData {
  from: string | null;
  to: string | null;
  adoption: { day: string; workspace: string; activeUsers: number }[];
  weekly: { week: string; workspace: string; activeUsers: number }[];
  creditsByClient: { day: string; client: string; credits: number }[];
  creditsByModel: { model: string; credits: number }[];
  findings: { day: string; severity: string; findings: number }[];
  apiCost: { day: string; project: string; amount: number }[];
  topUsers: TopUser[];
  totals: { credits: number; activeUsersLastWeek: number; findingsP0: number; apiCostUsd: number };
}

type Row = Record<string, unknown>;

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const s = (v: unknown): string => (v === null || v === undefined ? '(none)' : String(v));
/** Workspace ids are UUIDs; their first block names them well enough on a chart. */
const shortId = (v: unknown): string => s(v).slice(0, 8);

async function rows(c: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJson() as Row[];
}

/** Hashed emails are 64 hex digits and dropped ones null: only something with an @ is an address. */
function looksLikeEmail(value: unknown): value is string {
  return typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value);
}

async function topUsers(c: DuckDBConnection, emails: EmailHandling): Promise<TopUser[]> {
  // Unless emails were kept, the query does not even read the column.
  const email = emails === 'keep' ? 'max(email)' : 'cast(null as varchar)';
  const top = await rows(
    c,
    `select user_id, ${email} as email, sum(credits) as credits, sum(threads) as threads,
            sum(estimated_cost_usd) as estimated
     from codex_usage_user_daily where user_id is not null
     group by user_id order by credits desc nulls last limit 10`,
  );
  return top.map((r) => ({
    who: looksLikeEmail(r.email) ? r.email : s(r.user_id),
    credits: n(r.credits),
    threads: n(r.threads),
    estimatedCostUsd: r.estimated === null ? null : n(r.estimated),
  }));
}

async function totals(c: DuckDBConnection): Promise<ReportData['totals']> {
  const [t] = await rows(
    c,
    `select (select sum(credits) from codex_usage_user_daily) as credits,
            (select count(distinct user_id) from codex_usage_user_daily
              where day > (select max(day) from codex_usage_user_daily) - 7) as last_week,
            (select sum(p0_findings) from codex_code_reviews_daily) as p0,
            (select sum(amount) from openai_api_costs_daily where currency = 'usd') as cost`,
  );
  return {
    credits: n(t?.credits),
    activeUsersLastWeek: n(t?.last_week),
    findingsP0: n(t?.p0),
    apiCostUsd: n(t?.cost),
  };
}

export async function readMarts(c: DuckDBConnection, emails: EmailHandling): Promise<ReportData> {
  const day = (v: unknown) => s(v).slice(0, 10);
  const [range] = await rows(c, 'select min(day) as f, max(day) as t from codex_active_users_daily');
  const adoption = await rows(c, 'select * from codex_active_users_daily order by day, workspace_id');
  const weekly = await rows(c, 'select * from codex_active_users_weekly order by week_start, workspace_id');
  const byClient = await rows(
    c,
    'select day, client_id, sum(credits) as credits from codex_usage_client_daily group by 1, 2 order by 1, 2',
  );
  const byModel = await rows(
    c,
    `select model || coalesce(' (' || speed || ')', '') as model, sum(credits) as credits
     from codex_usage_model_daily group by 1 order by 2 desc`,
  );
  const findings = await rows(
    c,
    `select day, sum(p0_findings) as p0, sum(p1_findings) as p1, sum(p2_findings) as p2
     from codex_code_reviews_daily group by day order by day`,
  );
  const cost = await rows(
    c,
    `select day, project_id, sum(amount) as amount from openai_api_costs_daily
     where currency = 'usd' group by 1, 2 order by 1, 2`,
  );
  return {
    from: range?.f === null || range?.f === undefined ? null : day(range.f),
    to: range?.t === null || range?.t === undefined ? null : day(range.t),
    adoption: adoption.map((r) => ({
      day: day(r.day),
      workspace: shortId(r.workspace_id),
      activeUsers: n(r.active_users),
    })),
    weekly: weekly.map((r) => ({
      week: day(r.week_start),
      workspace: shortId(r.workspace_id),
      activeUsers: n(r.active_users),
    })),
    creditsByClient: byClient.map((r) => ({
      day: day(r.day),
      client: s(r.client_id),
      credits: n(r.credits),
    })),
    creditsByModel: byModel.map((r) => ({ model: s(r.model), credits: n(r.credits) })),
    findings: findings.flatMap((r) =>
      (['p0', 'p1', 'p2'] as const).map((k) => ({
        day: day(r.day),
        severity: k.toUpperCase(),
        findings: n(r[k]),
      })),
    ),
    apiCost: cost.map((r) => ({ day: day(r.day), project: s(r.project_id), amount: n(r.amount) })),
    topUsers: await topUsers(c, emails),
    totals: await totals(c),
  };
}
