// The dbt package built on DuckDB over a real sync (simulator → built connector → the demo's tables), each
// mart checked against numbers computed here from the simulator's ground truth, never through our SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { buildModels, DEMO_VARS } from '../src/report/dbt-run.js';
import { buildWarehouse, ensureBuilt, type Warehouse } from './helpers/warehouse.js';
import {
  countDistinctBy,
  credits,
  dayAfter,
  dayOf,
  mondayOf,
  num,
  sumBy,
  type Row,
} from './helpers/truth.js';

let w: Warehouse;
let db: DuckDBInstance;
let c: DuckDBConnection;
let until: string;
let ws: string;

async function q(sql: string): Promise<Record<string, unknown>[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJson();
}

beforeAll(async () => {
  ensureBuilt();
  w = await buildWarehouse();
  db = await DuckDBInstance.create(w.paths.database);
  c = await db.connect();
  await buildModels(c, { vars: DEMO_VARS });
  until = dayAfter(new Date().toISOString().slice(0, 10));
  ws = w.sim.workspaceIds[0] as string;
}, 180_000);

afterAll(async () => {
  c?.closeSync();
  db?.closeSync();
  await w?.close();
});

const usageTruth = (workspace = ws): Row[] => w.sim.truth.analytics.usageRows(workspace, w.startDate, until);

describe('dbt marts on DuckDB, against the simulator', () => {
  it('given every workspace, then daily active users equal the distinct users with a usage row that day', async () => {
    for (const workspace of w.sim.workspaceIds) {
      const expected = countDistinctBy(usageTruth(workspace), (r) => [dayOf(r), r.user_id]);
      const rows = await q(
        `select cast(day as varchar) as day, active_users from codex_active_users_daily where workspace_id = '${workspace}'`,
      );
      const actual = Object.fromEntries(rows.map((r) => [r.day, Number(r.active_users)]));
      expect(actual).toEqual(expected);
    }
  });

  it('given a week, then weekly active users count each person once, not once per day', async () => {
    const expected = countDistinctBy(usageTruth(), (r) => [mondayOf(dayOf(r)), r.user_id]);
    const rows = await q(
      `select cast(week_start as varchar) as w, active_users from codex_active_users_weekly where workspace_id = '${ws}'`,
    );
    const actual: Record<string, number> = Object.fromEntries(
      rows.map((r) => [String(r.w), Number(r.active_users)]),
    );
    expect(actual).toEqual(expected);
    const daily = await q(
      `select sum(active_users) as n from codex_active_users_daily where workspace_id = '${ws}'`,
    );
    expect(Object.values(actual).reduce((a, b) => a + b, 0)).toBeLessThan(Number(daily[0]?.n));
  });

  it('given compliance_users synced, then workspace_users counts the active members the API serves', async () => {
    for (const workspace of w.sim.workspaceIds) {
      const active = w.sim.truth.compliance.users(workspace).filter((u) => u.status === 'active').length;
      const rows = await q(
        `select distinct workspace_users as n from codex_active_users_daily where workspace_id = '${workspace}'`,
      );
      expect(rows.map((r) => Number(r.n))).toEqual([active]);
    }
  });

  it("given a user, then their credits, tokens and threads are the user's own totals", async () => {
    const rows = usageTruth();
    const user = String(rows[0]?.user_id);
    const mine = rows.filter((r) => r.user_id === user);
    const [mart] = await q(
      `select sum(credits) as credits, sum(threads) as threads from codex_usage_user_daily where user_id = '${user}'`,
    );
    expect(num(mart?.credits)).toBeCloseTo(
      mine.reduce((n, r) => n + credits(r), 0),
      6,
    );
    expect(num(mart?.threads)).toBe(mine.reduce((n, r) => n + num((r.totals as Row).threads), 0));
  });

  it('given a day whose tokens the API could not compute, then the mart says null, not 0', async () => {
    const row = usageTruth().find((r) => (r.totals as Row).text_total_tokens === null);
    expect(row, 'the simulator leaves about 5% of token counts null').toBeDefined();
    const [mart] = await q(
      `select total_tokens from codex_usage_user_daily where user_id = '${String(row?.user_id)}' and day = '${dayOf(row as Row)}'`,
    );
    expect(mart).toEqual({ total_tokens: null });
  });

  it("given clients and models, then each one's credits match, and a user's clients need not add up to the user", async () => {
    const rows = usageTruth();
    const perClient = sumBy(rows, (r) =>
      (r.clients as Row[]).map((x) => [String(x.client_id), num(x.credits)]),
    );
    const perModel = sumBy(rows, (r) => (r.models as Row[]).map((x) => [String(x.model), num(x.credits)]));
    const clientMart = await q(
      `select client_id as k, sum(credits) as v from codex_usage_client_daily where workspace_id = '${ws}' group by 1`,
    );
    const modelMart = await q(
      `select model as k, sum(credits) as v from codex_usage_model_daily where workspace_id = '${ws}' group by 1`,
    );
    for (const [mart, truth] of [
      [clientMart, perClient],
      [modelMart, perModel],
    ] as const) {
      expect(mart.map((r) => r.k).sort()).toEqual([...truth.keys()].sort());
      for (const r of mart) expect(num(r.v)).toBeCloseTo(truth.get(String(r.k)) ?? NaN, 4);
    }
    const userSum = rows.reduce((n, r) => n + credits(r), 0);
    expect(Math.abs([...perClient.values()].reduce((a, b) => a + b, 0) - userSum)).toBeGreaterThan(1);
  });

  it('given a week, then P1 findings and review volume match the code review rows', async () => {
    const monday = mondayOf(w.startDate);
    const start = dayAfter(monday, 7);
    const end = dayAfter(start, 7);
    const truth = w.sim.truth.analytics.codeReviewRows(ws, start, end);
    const [mart] = await q(
      `select sum(p1_findings) as p1, sum(pull_request_reviews) as prs from codex_code_reviews_daily
       where workspace_id = '${ws}' and day >= '${start}' and day < '${end}'`,
    );
    expect(num(mart?.p1)).toBe(truth.reduce((n, r) => n + num((r.comment_details as Row).p1), 0));
    expect(num(mart?.prs)).toBe(truth.reduce((n, r) => n + num(r.pull_request_reviews), 0));
  });

  it('given a day, then response and reaction rates are replied and reacted comments over comments', async () => {
    const truth = w.sim.truth.analytics.codeReviewResponseRows(ws, w.startDate, until);
    const day = truth.find((r) => num(r.comments) > 0) as Row;
    const details = day.comment_response_details as Row;
    const [mart] = await q(
      `select response_rate, reaction_rate from codex_code_reviews_daily where workspace_id = '${ws}' and day = '${dayOf(day)}'`,
    );
    expect(num(mart?.response_rate)).toBeCloseTo(num(details.replied) / num(day.comments), 9);
    expect(num(mart?.reaction_rate)).toBeCloseTo(num(details.reacted) / num(day.comments), 9);
  });

  it('given the Admin API costs, then cost per project matches the API buckets', async () => {
    const buckets = w.sim.truth.admin.costs(w.startDate, until, ['project_id']);
    const truth = sumBy(buckets, (b) =>
      (b.results as Row[]).map((r) => [String(r.project_id), num((r.amount as Row).value)]),
    );
    const mart = await q('select project_id as k, sum(amount) as v from openai_api_costs_daily group by 1');
    expect(mart.map((r) => r.k).sort()).toEqual([...truth.keys()].sort());
    for (const r of mart) expect(num(r.v)).toBeCloseTo(truth.get(String(r.k)) ?? NaN, 6);
  });

  it('given the compliance logs, then event volume per event type matches the distinct events', async () => {
    const from = dayAfter(w.startDate, 2); // every event from here on is in a file the sync read
    const events = new Map<string, Row>();
    for (const e of w.sim.truth.compliance.events(ws, 'CODEX_LOG'))
      if (String(e.timestamp).slice(0, 10) >= from) events.set(String(e.event_id), e);
    const truth = sumBy([...events.values()], (e) => [[String(e.event_type), 1]]);
    const mart = await q(
      `select event_type as k, sum(events) as v from codex_compliance_events_daily
       where workspace_id = '${ws}' and log_type = 'CODEX_LOG' and day >= '${from}' group by 1`,
    );
    expect(Object.fromEntries(mart.map((r) => [r.k, num(r.v)]))).toEqual(Object.fromEntries(truth));
  });

  it('given a user-day, then the cross-tool row carries threads, turns, tokens and the USD cost', async () => {
    const row = usageTruth().find((r) => (r.totals as Row).cost_usd === null) as Row;
    const totals = row.totals as Row;
    const [mart] = await q(
      `select tool, sessions, interactions, tokens, cost_usd, cost_is_estimated from ai_tool_usage_daily
       where user_id = '${String(row.user_id)}' and day = '${dayOf(row)}'`,
    );
    expect({ ...mart, cost_usd: num(mart?.cost_usd) }).toEqual({
      tool: 'openai_codex',
      sessions: String(totals.threads),
      interactions: String(totals.turns),
      tokens: totals.text_total_tokens === null ? null : String(totals.text_total_tokens),
      cost_usd: num(totals.estimated_cost_usd),
      cost_is_estimated: true,
    });
  });
});
