// Builds the dbt package's models in a DuckDB database, in dependency order, then runs its column tests:
// what `dbt build` does, for this package and this warehouse only.
import type { DuckDBConnection } from '@duckdb/node-api';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../package-root.js';
import { loadProject, type ColumnTest } from './dbt-project.js';
import { renderProject, type RenderedModel } from './dbt-render.js';

export interface BuildOptions {
  /** Schema of the connector's tables, and of the models built; default `main`. */
  schema?: string;
  /** The dbt package folder; default dbt/ of this package. */
  projectDir?: string;
  vars?: Record<string, unknown>;
}

export interface BuildResult {
  models: RenderedModel[];
  /** Failed tests of severity `error` throw; these are the `warn` ones, as messages. */
  warnings: string[];
}

/** The demo's DuckDB tables stamp rows with `_airbyte_emitted_at` (src/demo/ddl.ts). */
export const DEMO_VARS = { codex_loaded_at_column: '_airbyte_emitted_at' };

export function defaultProjectDir(): string {
  return fileURLToPath(packageFile('dbt/'));
}

/** Models after the models they ref. */
export function buildOrder(models: RenderedModel[]): RenderedModel[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const done = new Set<string>();
  const order: RenderedModel[] = [];
  const visit = (model: RenderedModel, path: string[]) => {
    if (done.has(model.name)) return;
    if (path.includes(model.name)) throw new Error(`dbt/: ref cycle ${[...path, model.name].join(' → ')}`);
    for (const ref of model.refs) visit(byName.get(ref) as RenderedModel, [...path, model.name]);
    done.add(model.name);
    order.push(model);
  };
  for (const model of models) visit(model, []);
  return order;
}

async function existingTables(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(
    'SELECT table_schema, table_name FROM information_schema.tables',
  );
  return new Set(reader.getRowObjectsJson().map((r) => `${String(r.table_schema)}.${String(r.table_name)}`));
}

export function testSql(test: ColumnTest, schema: string): string {
  const relation = `"${schema}"."${test.model}"`;
  const column = `"${test.column}"`;
  if (test.kind === 'not_null') return `select count(*) from ${relation} where ${column} is null`;
  if (test.kind === 'unique')
    return `select count(*) from (select ${column} from ${relation} where ${column} is not null group by ${column} having count(*) > 1) as duplicates`;
  const values = (test.values ?? []).map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  return `select count(*) from ${relation} where ${column} is not null and ${column} not in (${values})`;
}

async function runTests(connection: DuckDBConnection, tests: ColumnTest[], schema: string) {
  const warnings: string[] = [];
  for (const test of tests) {
    const reader = await connection.runAndReadAll(testSql(test, schema));
    const failing = Number(reader.getRows()[0]?.[0] ?? 0);
    if (failing === 0) continue;
    const message = `dbt test ${test.kind} on ${test.model}.${test.column}: ${failing} failing rows`;
    if (test.severity === 'error') throw new Error(message);
    warnings.push(message);
  }
  return warnings;
}

/** Renders, creates every model (views and tables, replaced) and runs the column tests. */
export async function buildModels(
  connection: DuckDBConnection,
  opts: BuildOptions = {},
): Promise<BuildResult> {
  const schema = opts.schema ?? 'main';
  const project = loadProject(opts.projectDir ?? defaultProjectDir());
  // Days are UTC: timestamps with a time zone become dates in the session's zone.
  await connection.run("SET TimeZone = 'UTC'");
  const models = buildOrder(
    renderProject(project, { schema, vars: opts.vars, existing: await existingTables(connection) }),
  );
  for (const model of models) {
    const kind = model.materialized === 'table' ? 'TABLE' : 'VIEW';
    try {
      await connection.run(`CREATE OR REPLACE ${kind} "${schema}"."${model.name}" AS\n${model.sql}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`dbt/: model ${model.name} failed on DuckDB: ${reason}`);
    }
  }
  return { models, warnings: await runTests(connection, project.tests, schema) };
}
