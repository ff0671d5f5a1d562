// What the demo prints at the end: rows per stream, who used the most credits lately, and where the data is.
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { DuckDbSink } from './duckdb-sink.js';

export interface StreamCount {
  stream: string;
  received: number;
  total: number;
}

export interface TopUser {
  who: string;
  credits: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function streamTable(counts: readonly StreamCount[]): string[] {
  const width = Math.max(6, ...counts.map((c) => c.stream.length));
  const header = `  ${'stream'.padEnd(width)}  ${'this run'.padStart(10)}  ${'in table'.padStart(10)}`;
  const rows = counts.map(
    (c) => `  ${c.stream.padEnd(width)}  ${fmt(c.received).padStart(10)}  ${fmt(c.total).padStart(10)}`,
  );
  return [header, ...rows];
}

// `totals` is a JSON column; DuckDB's json extension is built into @duckdb/node-api (no download needed).
const FROM_USAGE = `
  SELECT coalesce(email, user_id) AS who, sum(CAST(totals->>'credits' AS DOUBLE)) AS credits
  FROM usage WHERE date >= $1::DATE AND coalesce(email, user_id) IS NOT NULL
  GROUP BY who ORDER BY credits DESC NULLS LAST, who LIMIT 5`;
// The same total from the per-client rows, whose `credits` is a plain column.
const FROM_USAGE_BY_CLIENT = `
  SELECT coalesce(email, user_id) AS who, sum(credits) AS credits
  FROM usage_by_client WHERE date >= $1::DATE AND coalesce(email, user_id) IS NOT NULL
  GROUP BY who ORDER BY credits DESC NULLS LAST, who LIMIT 5`;

/** Top five users by credits since `since` (UTC day); empty when no usage stream was synced. */
export async function topUsers(sink: DuckDbSink, since: string): Promise<TopUser[]> {
  for (const sql of [FROM_USAGE, FROM_USAGE_BY_CLIENT]) {
    try {
      const rows = await sink.query(sql, [since]);
      return rows.map((r) => ({ who: String(r.who), credits: Number(r.credits ?? 0) }));
    } catch {
      // table or column missing (stream not synced): try the next source
    }
  }
  return [];
}

export function topUsersLines(users: readonly TopUser[], since: string): string[] {
  if (users.length === 0) return ['No Codex usage rows in the last seven days.'];
  const width = Math.max(...users.map((u) => u.who.length));
  const rows = users.map(
    (u, i) => `  ${i + 1}. ${u.who.padEnd(width)}  ${u.credits.toFixed(2).padStart(10)} credits`,
  );
  return [`Top ${users.length} users by Codex credits since ${since} (last seven days):`, ...rows];
}

/** The database path as the user would type it: relative to the working directory when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return quoted(rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path);
}

const quoted = (path: string): string => (/\s/.test(path) ? `'${path}'` : path);

/** `npm run query` (scripts/query.mjs, on the DuckDB Node API the demo uses) reads .demo/codex.duckdb unless
 * told otherwise; no `duckdb` CLI is assumed to exist. */
export function queryHint(database: string, tables: readonly string[], cwd = process.cwd()): string[] {
  const table = tables.includes('usage') ? 'usage' : (tables[0] ?? 'usage');
  const shown = displayPath(database, cwd);
  const db = shown === join('.demo', 'codex.duckdb') ? '' : ` --db ${quoted(resolve(database))}`;
  return [
    `Database: ${shown}  (${tables.length} tables, one per stream)`,
    `Query it: npm run query --${db} "select * from ${table} limit 5"`,
  ];
}
