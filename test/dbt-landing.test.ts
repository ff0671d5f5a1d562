// How the models cope with the ways data lands: a restated day landed twice (append mode), and the optional
// compliance_users stream present or not. Each case copies the synced tables into a schema of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { buildModels, DEMO_VARS } from '../src/report/dbt-run.js';
import { buildWarehouse, ensureBuilt, type Warehouse } from './helpers/warehouse.js';

let w: Warehouse;
let db: DuckDBInstance;
let c: DuckDBConnection;

async function q(sql: string): Promise<Record<string, unknown>[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJson();
}

/** A copy of every synced table, without primary keys: the shape an append-mode destination gives. */
async function copySchema(schema: string, without: string[] = []): Promise<void> {
  await c.run(`CREATE SCHEMA ${schema}`);
  const all = await q(`select table_name from information_schema.tables where table_schema = 'main'`);
  const tables = all.filter((t) => !without.includes(String(t.table_name)));
  for (const { table_name } of tables)
    await c.run(
      `CREATE TABLE ${schema}."${String(table_name)}" AS SELECT * FROM main."${String(table_name)}"`,
    );
}

beforeAll(async () => {
  ensureBuilt();
  w = await buildWarehouse();
  db = await DuckDBInstance.create(w.paths.database);
  c = await db.connect();
}, 180_000);

afterAll(async () => {
  c?.closeSync();
  db?.closeSync();
  await w?.close();
});

describe('dbt models, as data lands', () => {
  it('given a restated day landed twice in append mode, then the newest version counts, once', async () => {
    await copySchema('appended');
    const [row] = await q(`select id, user_id, workspace_id, date from appended.usage order by id limit 1`);
    const id = String(row?.id);
    // The restated version: same id, landed an hour later, new totals.
    await c.run(`INSERT INTO appended.usage SELECT * REPLACE (
        '{"threads": 7, "turns": 21, "credits": 4321.5, "text_total_tokens": null}'::JSON AS totals,
        _airbyte_emitted_at + INTERVAL 1 HOUR AS _airbyte_emitted_at)
      FROM appended.usage WHERE id = '${id}'`);
    // An older copy of the same row must not win either.
    await c.run(`INSERT INTO appended.usage SELECT * REPLACE (
        '{"threads": 1, "credits": 1}'::JSON AS totals, _airbyte_emitted_at - INTERVAL 1 DAY AS _airbyte_emitted_at)
      FROM appended.usage WHERE id = '${id}' AND _airbyte_emitted_at = (SELECT min(_airbyte_emitted_at) FROM appended.usage WHERE id = '${id}')`);
    expect((await q(`select count(*) as n from appended.usage where id = '${id}'`))[0]).toEqual({ n: '3' });
    await buildModels(c, { schema: 'appended', vars: DEMO_VARS });
    const user = `user_id = '${String(row?.user_id)}' and day = '${String(row?.date)}'`;
    expect(
      await q(`select credits, threads, total_tokens from appended.codex_usage_user_daily where ${user}`),
    ).toEqual([{ credits: 4321.5, threads: '7', total_tokens: null }]);
    const [landed] = await q(
      `select count(distinct user_id) as n from main.usage where workspace_id = '${String(row?.workspace_id)}' and date = '${String(row?.date)}'`,
    );
    const [mart] = await q(
      `select active_users as n from appended.codex_active_users_daily where workspace_id = '${String(row?.workspace_id)}' and day = '${String(row?.date)}'`,
    );
    expect(mart?.n).toBe(landed?.n);
  });

  it('given no compliance_users table, then the marts still build and the share is null', async () => {
    await copySchema('no_roster', ['compliance_users']);
    await buildModels(c, { schema: 'no_roster', vars: DEMO_VARS });
    const rows = await q(
      `select count(*) as n, count(active_share) as shares from no_roster.codex_active_users_weekly`,
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    expect(rows[0]?.shares).toBe('0');
  });

  it('given compliance_users, then the share divides by the active users of the workspace, once each', async () => {
    await copySchema('roster', ['compliance_users']);
    const ws = w.sim.workspaceIds[0] as string;
    await c.run(`CREATE TABLE roster.compliance_users (id VARCHAR, email VARCHAR, name VARCHAR,
      created_at TIMESTAMPTZ, role VARCHAR, status VARCHAR, workspace_id VARCHAR, _airbyte_emitted_at TIMESTAMPTZ)`);
    // 16 active users, one inactive, and one active user landed twice (a full refresh appended again).
    await c.run(`INSERT INTO roster.compliance_users
      SELECT 'u' || i, 'u' || i || '@example.com', 'User ' || i, now(), 'standard-user',
             CASE WHEN i = 17 THEN 'inactive' ELSE 'active' END, '${ws}', now()
      FROM range(1, 18) t(i)`);
    await c.run(`INSERT INTO roster.compliance_users SELECT * REPLACE (now() + INTERVAL 1 HOUR AS _airbyte_emitted_at)
      FROM roster.compliance_users WHERE id = 'u1'`);
    await buildModels(c, { schema: 'roster', vars: DEMO_VARS });
    const rows = await q(
      `select workspace_id, active_users, workspace_users, active_share from roster.codex_active_users_daily`,
    );
    const mine = rows.filter((r) => r.workspace_id === ws);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      expect(r.workspace_users).toBe('16');
      expect(r.active_share).toBeCloseTo(Number(r.active_users) / 16, 12);
    }
    expect(rows.filter((r) => r.workspace_id !== ws).every((r) => r.active_share === null)).toBe(true);
  });

  it('given one person in two workspaces (one user id), then each workspace roster counts them', async () => {
    await copySchema('two_rosters', ['compliance_users']);
    const [ws1, ws2] = w.sim.workspaceIds as [string, string];
    await c.run(`CREATE TABLE two_rosters.compliance_users (id VARCHAR, email VARCHAR, name VARCHAR,
      created_at TIMESTAMPTZ, role VARCHAR, status VARCHAR, workspace_id VARCHAR, _airbyte_emitted_at TIMESTAMPTZ)`);
    // u1-u10 in the first workspace, u1-u4 (the same people, the same ids) also in the second, landed later.
    await c.run(`INSERT INTO two_rosters.compliance_users
      SELECT 'u' || i, 'u' || i || '@example.com', 'User ' || i, now(), 'standard-user', 'active', '${ws1}', now()
      FROM range(1, 11) t(i)`);
    await c.run(`INSERT INTO two_rosters.compliance_users
      SELECT 'u' || i, 'u' || i || '@example.com', 'User ' || i, now(), 'standard-user', 'active', '${ws2}',
             now() + INTERVAL 1 HOUR
      FROM range(1, 5) t(i)`);
    await buildModels(c, { schema: 'two_rosters', vars: DEMO_VARS });
    const rows = await q(
      `select distinct workspace_id, workspace_users from two_rosters.codex_active_users_daily`,
    );
    const users = Object.fromEntries(rows.map((r) => [r.workspace_id, r.workspace_users]));
    expect(users).toEqual({ [ws1]: '10', [ws2]: '4' });
  });
});
