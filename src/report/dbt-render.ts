// A small dbt renderer for DuckDB (and Postgres), enough for the package in dbt/ and nothing more. Models and macros are
// Jinja; nunjucks (Mozilla's Jinja port) renders them. What dbt would provide is given here:
//   ref(model), source(source, table), config(materialized=…), var(name, default), target.type/schema,
//   load_relation(relation) (null when the table does not exist), adapter.dispatch(name, package) (picks
//   duckdb__name, else default__name, among the package's macros), and the dbt cross-database macros the
//   package uses: dbt.date_trunc, dbt.safe_cast, dbt.type_float/type_bigint/type_string/type_timestamp,
//   rendered as dbt-duckdb (or dbt-postgres) renders them. Anything else fails the render with dbt's name for it.
import nunjucks from 'nunjucks';
import type { DbtProject } from './dbt-project.js';

export interface RenderOptions {
  /** Schema the models are created in. */
  schema: string;
  /** Overrides of the project's vars (e.g. codex_loaded_at_column for the demo's column name). */
  vars?: Record<string, unknown>;
  /** Tables that exist, as `schema.table`: load_relation answers from it. */
  existing: ReadonlySet<string>;
  /** Which `<adapter>__` macros adapter.dispatch prefers, and whose dbt.* macros render: default duckdb;
   * postgres builds too (test/dbt-postgres.test.ts); other adapters' JSON access renders with DuckDB's dbt.*. */
  adapterType?: string;
}

export interface RenderedModel {
  name: string;
  materialized: 'view' | 'table';
  sql: string;
  /** Models this one selects from (ref), in order of first use. */
  refs: string[];
}

export class Relation {
  constructor(
    readonly schema: string,
    readonly identifier: string,
  ) {}
  toString(): string {
    return `"${this.schema}"."${this.identifier}"`;
  }
}

type Keywords = Record<string, unknown> & { __keywords?: true };

type CrossDb = Record<
  'date_trunc' | 'safe_cast' | 'type_float' | 'type_bigint' | 'type_string' | 'type_timestamp',
  (...args: never[]) => string
>;

const DUCKDB_CROSS_DB: CrossDb = {
  date_trunc: (part: string, expr: string) => `date_trunc('${part}', ${expr})`,
  safe_cast: (expr: unknown, type: unknown) => `try_cast(${String(expr)} as ${String(type)})`,
  // dbt's float is double precision on every other warehouse; DuckDB's FLOAT would be 4 bytes.
  type_float: () => 'double',
  type_bigint: () => 'bigint',
  type_string: () => 'varchar',
  type_timestamp: () => 'timestamp',
};

// As dbt-postgres renders them: Postgres has no try_cast, so dbt's safe_cast is a plain cast there.
const POSTGRES_CROSS_DB: CrossDb = {
  ...DUCKDB_CROSS_DB,
  safe_cast: (expr: unknown, type: unknown) => `cast(${String(expr)} as ${String(type)})`,
  type_float: () => 'float',
};

/** The dbt.* macros of the adapters the renderer builds on; others (JSON-syntax tests) render DuckDB's. */
const CROSS_DB: Record<string, CrossDb> = { duckdb: DUCKDB_CROSS_DB, postgres: POSTGRES_CROSS_DB };

interface Frame {
  refs: string[];
  materialized?: string;
}

function globals(project: DbtProject, opts: RenderOptions, frame: { current: Frame }) {
  const vars = { ...project.vars, ...opts.vars };
  const sourceSchema = String(vars.codex_schema ?? opts.schema);
  let registry: Record<string, unknown> = {};
  const names = new Set(project.models.map((m) => m.name));
  const adapterType = opts.adapterType ?? 'duckdb';
  return {
    target: { type: adapterType, schema: opts.schema, name: 'report' },
    dbt: CROSS_DB[adapterType] ?? DUCKDB_CROSS_DB,
    var: (name: string, fallback?: unknown) => {
      if (name in vars) return vars[name];
      if (fallback === undefined) throw new Error(`dbt/: var('${name}') is not defined`);
      return fallback;
    },
    ref: (name: string) => {
      if (!names.has(name)) throw new Error(`dbt/: ref('${name}') names no model`);
      if (!frame.current.refs.includes(name)) frame.current.refs.push(name);
      return new Relation(opts.schema, name);
    },
    source: (source: string, table: string) => {
      if (!project.sourceTables.get(source)?.has(table))
        throw new Error(`dbt/: source('${source}', '${table}') is not declared in a sources .yml`);
      return new Relation(sourceSchema, table);
    },
    load_relation: (relation: Relation) =>
      opts.existing.has(`${relation.schema}.${relation.identifier}`) ? relation : null,
    config: (kw: Keywords) => {
      if (typeof kw?.materialized === 'string') frame.current.materialized = kw.materialized;
      return '';
    },
    adapter: {
      dispatch: (name: string) => {
        const macro = registry[`${adapterType}__${name}`] ?? registry[`default__${name}`];
        if (macro === undefined) throw new Error(`dbt/: no ${adapterType}__ or default__ macro for ${name}`);
        return macro;
      },
    },
    setRegistry: (r: Record<string, unknown>) => (registry = r),
  };
}

/** The macros a template defines; nunjucks hands them to a callback, synchronously for sync templates. */
function exportedMacros(template: nunjucks.Template, context: object): Record<string, unknown> {
  let result: Record<string, unknown> | undefined;
  let failure: unknown;
  // getExported is public in nunjucks but missing from its type definitions.
  const withExports = template as unknown as {
    getExported(ctx: object, frame: null, cb: (error: unknown, exported: unknown) => void): void;
  };
  withExports.getExported(context, null, (error, exported) => {
    failure = error;
    result = exported as Record<string, unknown>;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  if (result === undefined) throw new Error('dbt/macros: the macros did not render synchronously');
  return result;
}

export function renderProject(project: DbtProject, opts: RenderOptions): RenderedModel[] {
  const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
  const frame = { current: { refs: [] } as Frame };
  const { setRegistry, ...base } = globals(project, opts, frame);
  const macros = new nunjucks.Template(project.macros, env, 'dbt/macros');
  // Macros see the same globals as models (a macro may call ref, source or another macro).
  const exported = exportedMacros(macros, base);
  setRegistry(exported);
  return project.models.map((model) => {
    frame.current = { refs: [] };
    const sql = env.renderString(model.text, { ...exported, ...base });
    const materialized = frame.current.materialized ?? project.materialized[model.folder] ?? 'view';
    if (materialized !== 'view' && materialized !== 'table')
      throw new Error(`dbt/: ${model.name} is materialized as ${materialized}; only view and table run here`);
    return { name: model.name, materialized, sql: sql.trim(), refs: frame.current.refs };
  });
}
