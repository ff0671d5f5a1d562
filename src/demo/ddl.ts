// From a discovered stream's JSON schema to a typed DuckDB table: one column per top-level property, the
// source-defined primary key as PRIMARY KEY, plus the raw record and its emit time.

export type ColumnType = 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMPTZ' | 'VARCHAR' | 'JSON';

export interface Column {
  name: string;
  type: ColumnType;
}

export interface TableSpec {
  name: string;
  columns: Column[];
  /** The key's columns (one or more); absent when the stream declares none: rows are then appended, not
   * upserted. */
  primaryKey: string[] | undefined;
}

/** The part of a CATALOG stream the demo reads. */
export interface DiscoveredStream {
  name: string;
  json_schema: { properties?: Record<string, unknown> };
  supported_sync_modes: string[];
  default_cursor_field?: string[];
  source_defined_primary_key?: string[][];
}

export const EMITTED_AT = '_airbyte_emitted_at';
/** The whole record as received, so fields the schema does not name are not lost. */
export const RAW_DATA = '_airbyte_data';

interface PropertySchema {
  type?: unknown;
  format?: unknown;
}

function scalarType(type: string, format: unknown): ColumnType {
  if (type === 'integer') return 'BIGINT';
  if (type === 'number') return 'DOUBLE';
  if (type === 'boolean') return 'BOOLEAN';
  if (type === 'string' && format === 'date') return 'DATE';
  if (type === 'string' && format === 'date-time') return 'TIMESTAMPTZ';
  if (type === 'string') return 'VARCHAR';
  return 'JSON';
}

/** `["null", T]` is T; a property with several non-null types (or none) keeps its value as JSON. */
export function columnType(property: unknown): ColumnType {
  const p = (typeof property === 'object' && property !== null ? property : {}) as PropertySchema;
  const types = (Array.isArray(p.type) ? p.type : [p.type]).filter(
    (t): t is string => typeof t === 'string' && t !== 'null',
  );
  const only = types.length === 1 ? types[0] : undefined;
  return only === undefined ? 'JSON' : scalarType(only, p.format);
}

export function tableSpec(stream: DiscoveredStream): TableSpec {
  const properties = stream.json_schema.properties ?? {};
  const reserved = new Set([EMITTED_AT, RAW_DATA]);
  const columns: Column[] = Object.entries(properties)
    .filter(([name]) => !reserved.has(name))
    .map(([name, property]) => ({ name, type: columnType(property) }));
  const paths = stream.source_defined_primary_key ?? [];
  const primaryKey = paths.length === 0 ? undefined : paths.map((path) => String(path[0]));
  const undeclared = (primaryKey ?? []).filter((name) => !columns.some((c) => c.name === name));
  columns.unshift(...undeclared.map((name): Column => ({ name, type: 'VARCHAR' })));
  columns.push({ name: EMITTED_AT, type: 'TIMESTAMPTZ' }, { name: RAW_DATA, type: 'JSON' });
  return { name: stream.name, columns, primaryKey };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function createTableSql(spec: TableSpec): string {
  const columns = spec.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`);
  if (spec.primaryKey !== undefined)
    columns.push(`PRIMARY KEY (${spec.primaryKey.map(quoteIdent).join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(spec.name)} (${columns.join(', ')})`;
}

/** Every value travels as text into an all-VARCHAR staging table; the upsert casts it once, in SQL. */
export function createStagingSql(spec: TableSpec): string {
  const columns = spec.columns.map((c) => `${quoteIdent(c.name)} VARCHAR`);
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdent(stagingName(spec))} (${columns.join(', ')})`;
}

export function stagingName(spec: TableSpec): string {
  return `_stage_${spec.name}`;
}

/** TRY_CAST: a value that does not fit its declared type lands as NULL (it is still in `_airbyte_data`). */
export function upsertSql(spec: TableSpec): string {
  const names = spec.columns.map((c) => quoteIdent(c.name)).join(', ');
  const casts = spec.columns.map((c) => `TRY_CAST(${quoteIdent(c.name)} AS ${c.type})`).join(', ');
  const verb = spec.primaryKey === undefined ? 'INSERT' : 'INSERT OR REPLACE';
  return `${verb} INTO ${quoteIdent(spec.name)} (${names}) SELECT ${casts} FROM ${quoteIdent(stagingName(spec))}`;
}

/** A value as the staging table's text, or null. Objects and arrays (and JSON columns) become JSON text. */
export function cellText(value: unknown, type: ColumnType): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'JSON' || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
