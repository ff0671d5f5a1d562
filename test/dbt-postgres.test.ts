// The dbt package on a real PostgreSQL server: the same sync landed in DuckDB (the demo's tables) is copied
// into Postgres with each column's type, every model is built there as dbt-postgres would render it, the
// schema.yml tests run, and every model must give the same rows on Postgres as on DuckDB (numbers compared to
// 9 significant digits: sums may add in another order). A dialect slip (integer division, a DuckDB-only
// function, a cast Postgres refuses) fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { loadProject } from '../src/report/dbt-project.js';
import { buildModels, buildOrder, DEMO_VARS, defaultProjectDir, testSql } from '../src/report/dbt-run.js';
import { renderProject, type RenderedModel } from '../src/report/dbt-render.js';
import { startPostgres, type PgServer } from './helpers/postgres.js';
import { buildWarehouse, ensureBuilt, type Warehouse } from './helpers/warehouse.js';

const SCHEMA = 'codex';
// DuckDB column types → Postgres, as Airbyte's Postgres destination lands them (objects as jsonb).
const PG_TYPES: Record<string, string> = {
  BIGINT: 'bigint',
  INTEGER: 'bigint',
  DOUBLE: 'double precision',
  BOOLEAN: 'boolean',
  DATE: 'date',
  'TIMESTAMP WITH TIME ZONE': 'timestamptz',
  TIMESTAMP: 'timestamp',
  VARCHAR: 'text',
  JSON: 'jsonb',
};

let w: Warehouse;
let db: DuckDBInstance;
let duck: DuckDBConnection;
let server: PgServer;
let client: pg.Client;
let models: RenderedModel[];
let tables: string[];
const warnings: string[] = [];

async function duckRows(sql: string): Promise<Record<string, unknown>[]> {
  return (await duck.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Every row of every connector table, with its column types, from DuckDB into Postgres. */
async function copyTables(): Promise<string[]> {
  const modelNames = new Set(models.map((m) => m.name));
  const names = (
    await duckRows(
      "select table_name from information_schema.tables where table_schema = 'main' and table_type = 'BASE TABLE' order by 1",
    )
  )
    .map((r) => String(r.table_name))
    .filter((n) => !modelNames.has(n));
  await client.query(`create schema ${SCHEMA}`);
  for (const table of names) {
    const columns = (
      await duckRows(
        `select column_name, data_type from information_schema.columns where table_schema = 'main' and table_name = '${table}' order by ordinal_position`,
      )
    ).map((c) => ({ name: String(c.column_name), type: String(c.data_type) }));
    const ddl = columns.map((c) => {
      const type = PG_TYPES[c.type];
      if (type === undefined) throw new Error(`${table}.${c.name}: no Postgres type for DuckDB ${c.type}`);
      return `"${c.name}" ${type}`;
    });
    await client.query(`create table ${SCHEMA}."${table}" (${ddl.join(', ')})`);
    // Text out of DuckDB, typed by Postgres on the way in (json_populate_recordset); JSON stays JSON.
    const select = columns.map((c) => `cast("${c.name}" as varchar) as "${c.name}"`).join(', ');
    const rows = await duckRows(`select ${select} from main."${table}"`);
    const json = new Set(columns.filter((c) => c.type === 'JSON').map((c) => c.name));
    const values = rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, json.has(k) && typeof v === 'string' ? JSON.parse(v) : v]),
      ),
    );
    for (let i = 0; i < values.length; i += 2000) {
      await client.query(
        `insert into ${SCHEMA}."${table}" select * from json_populate_recordset(null::${SCHEMA}."${table}", $1::json)`,
        [JSON.stringify(values.slice(i, i + 2000))],
      );
    }
  }
  return names;
}

/** A model's rows as sorted text lines, numbers to 9 significant digits. */
function canonical(rows: Record<string, unknown>[]): string[] {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return 'NULL';
    const text = String(v);
    return /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text) ? String(Number(Number(text).toPrecision(9))) : text;
  };
  return rows
    .map((r) =>
      Object.keys(r)
        .sort()
        .map((k) => `${k}=${cell(r[k])}`)
        .join('|'),
    )
    .sort();
}

async function columnsOf(model: string): Promise<string[]> {
  return (
    await duckRows(
      `select column_name from information_schema.columns where table_schema = 'main' and table_name = '${model}' order by ordinal_position`,
    )
  ).map((r) => String(r.column_name));
}

beforeAll(async () => {
  ensureBuilt();
  server = await startPostgres();
  w = await buildWarehouse();
  db = await DuckDBInstance.create(w.paths.database);
  duck = await db.connect();
  await buildModels(duck, { vars: DEMO_VARS });
  client = new pg.Client({ host: server.host, port: server.port, user: server.user, database: 'postgres' });
  await client.connect();
  models = buildOrder(
    renderProject(loadProject(defaultProjectDir()), {
      schema: SCHEMA,
      vars: DEMO_VARS,
      existing: new Set(),
      adapterType: 'postgres',
    }),
  );
  tables = await copyTables();
  // Rendered again now that the tables exist (load_relation sees compliance_users).
  models = buildOrder(
    renderProject(loadProject(defaultProjectDir()), {
      schema: SCHEMA,
      vars: DEMO_VARS,
      existing: new Set(tables.map((t) => `${SCHEMA}.${t}`)),
      adapterType: 'postgres',
    }),
  );
  for (const model of models) {
    const kind = model.materialized === 'table' ? 'table' : 'view';
    try {
      await client.query(`create ${kind} ${SCHEMA}."${model.name}" as\n${model.sql}`);
    } catch (error) {
      throw new Error(`model ${model.name} failed on Postgres: ${(error as Error).message}\n${model.sql}`);
    }
  }
  for (const test of loadProject(defaultProjectDir()).tests) {
    const result = await client.query<{ count: string }>(testSql(test, SCHEMA));
    if (Number(result.rows[0]?.count ?? 0) > 0) warnings.push(`${test.kind} ${test.model}.${test.column}`);
  }
}, 240_000);

afterAll(async () => {
  await client?.end();
  duck?.closeSync();
  db?.closeSync();
  await w?.close();
  server?.close();
});

describe('dbt package on PostgreSQL', () => {
  it('lands every connector table, with rows, and builds every model', () => {
    expect(tables).toContain('usage');
    expect(tables).toContain('compliance_logs');
    expect(tables).toContain('compliance_users');
    expect(models.map((m) => m.name)).toContain('codex_active_users_daily');
    expect(models.length).toBeGreaterThan(10);
  });

  it('passes every schema.yml test on Postgres', () => {
    expect(warnings).toEqual([]);
  });

  it('gives the same rows as DuckDB, model by model', async () => {
    let compared = 0;
    for (const model of models) {
      const columns = await columnsOf(model.name);
      expect(columns.length, model.name).toBeGreaterThan(0);
      const duckSide = await duckRows(
        `select ${columns.map((c) => `cast("${c}" as varchar) as "${c}"`).join(', ')} from main."${model.name}"`,
      );
      const pgSide = await client.query({
        text: `select ${columns.map((c) => `"${c}"::text as "${c}"`).join(', ')} from ${SCHEMA}."${model.name}"`,
      });
      expect(canonical(pgSide.rows as Record<string, unknown>[]), model.name).toEqual(canonical(duckSide));
      if (duckSide.length > 0) compared++;
    }
    // Most models hold rows in the demo sync: equality of empty sets would prove little.
    expect(compared).toBeGreaterThan(models.length / 2);
  });
});
