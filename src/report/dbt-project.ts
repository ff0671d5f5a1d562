// The dbt package in dbt/, read as files: project settings, macros, models and the column tests of the
// schema.yml files. Only what the renderer (dbt-render.ts) and runner (dbt-run.ts) use is parsed.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';

export interface ModelFile {
  name: string;
  /** The folder under models/ ('staging', 'marts'): it picks the default materialization. */
  folder: string;
  text: string;
}

/** A dbt generic test on a column: unique, not_null or accepted_values (the only ones the package uses). */
export interface ColumnTest {
  model: string;
  column: string;
  kind: 'unique' | 'not_null' | 'accepted_values';
  values?: string[];
  severity: 'error' | 'warn';
}

export interface DbtProject {
  name: string;
  vars: Record<string, unknown>;
  /** Default materialization per folder under models/, from `models:` in dbt_project.yml. */
  materialized: Record<string, string>;
  macros: string;
  models: ModelFile[];
  sourceTables: Map<string, Set<string>>;
  tests: ColumnTest[];
}

type Yaml = Record<string, unknown>;

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const asList = (value: unknown): Yaml[] => (Array.isArray(value) ? (value as Yaml[]) : []);

function folderDefaults(project: Yaml, name: string): Record<string, string> {
  const tree = ((project.models as Yaml | undefined)?.[name] ?? {}) as Record<string, Yaml>;
  return Object.fromEntries(
    Object.entries(tree).map(([folder, cfg]) => [folder, String(cfg['+materialized'] ?? 'view')]),
  );
}

function columnTests(model: string, column: Yaml): ColumnTest[] {
  return asList(column.tests).map((test): ColumnTest => {
    const [kind, args] = typeof test === 'string' ? [test, {}] : (Object.entries(test)[0] ?? ['', {}]);
    if (kind !== 'unique' && kind !== 'not_null' && kind !== 'accepted_values')
      throw new Error(`dbt/: test ${String(kind)} on ${model}.${String(column.name)} is not supported here`);
    const a = args as { values?: unknown[]; config?: { severity?: string } };
    return {
      model,
      column: String(column.name),
      kind,
      values: a.values?.map(String),
      severity: a.config?.severity === 'warn' ? 'warn' : 'error',
    };
  });
}

function readSchemas(dir: string): Pick<DbtProject, 'sourceTables' | 'tests'> {
  const sourceTables = new Map<string, Set<string>>();
  const tests: ColumnTest[] = [];
  for (const file of filesUnder(join(dir, 'models'), '.yml')) {
    const doc = parse(readFileSync(file, 'utf8')) as Yaml;
    for (const source of asList(doc.sources))
      sourceTables.set(String(source.name), new Set(asList(source.tables).map((t) => String(t.name))));
    for (const model of asList(doc.models))
      for (const column of asList(model.columns)) tests.push(...columnTests(String(model.name), column));
  }
  return { sourceTables, tests };
}

export function loadProject(dir: string): DbtProject {
  const project = parse(readFileSync(join(dir, 'dbt_project.yml'), 'utf8')) as Yaml;
  const name = String(project.name);
  const models = filesUnder(join(dir, 'models'), '.sql').map((file) => ({
    name: basename(file, '.sql'),
    folder: relative(join(dir, 'models'), file).split('/')[0] ?? '',
    text: readFileSync(file, 'utf8'),
  }));
  return {
    name,
    vars: (project.vars ?? {}) as Record<string, unknown>,
    materialized: folderDefaults(project, name),
    macros: filesUnder(join(dir, 'macros'), '.sql')
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n'),
    models,
    ...readSchemas(dir),
  };
}
