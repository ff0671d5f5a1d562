// Lands records in DuckDB: batches per stream, appended as text into a staging table, then upserted by
// primary key in one statement per batch, inside a transaction.
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import {
  cellText,
  createStagingSql,
  createTableSql,
  EMITTED_AT,
  quoteIdent,
  RAW_DATA,
  stagingName,
  upsertSql,
  type TableSpec,
} from './ddl.js';

export type DuckDbModule = typeof import('@duckdb/node-api');

const BATCH_ROWS = 1000;

interface Table {
  spec: TableSpec;
  /** Pending rows keyed by primary key, so a batch never holds one key twice (the upsert would refuse it). */
  pending: Map<string, (string | null)[]>;
  received: number;
  skipped: number;
}

/** `@duckdb/node-api` is an optional dependency: undefined (with the reason) when it cannot be loaded. */
export async function loadDuckDb(): Promise<DuckDbModule | string> {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export class DuckDbSink {
  private readonly tables = new Map<string, Table>();
  private seq = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(duckdb: DuckDbModule, path: string): Promise<DuckDbSink> {
    const instance = await duckdb.DuckDBInstance.create(path);
    return new DuckDbSink(instance, await instance.connect());
  }

  /** Creates the table if needed and adds columns a newer schema brought; never drops any. */
  async prepare(spec: TableSpec): Promise<void> {
    await this.connection.run(createTableSql(spec));
    const existing = new Set(
      (await this.query('SELECT column_name FROM duckdb_columns() WHERE table_name = $1', [spec.name])).map(
        (r) => String(r.column_name),
      ),
    );
    for (const column of spec.columns) {
      if (!existing.has(column.name)) {
        await this.connection.run(
          `ALTER TABLE ${quoteIdent(spec.name)} ADD COLUMN ${quoteIdent(column.name)} ${column.type}`,
        );
      }
    }
    await this.connection.run(createStagingSql(spec));
    this.tables.set(spec.name, { spec, pending: new Map(), received: 0, skipped: 0 });
  }

  async add(stream: string, data: Record<string, unknown>, emittedAt: number): Promise<void> {
    const table = this.tables.get(stream);
    if (table === undefined) return;
    table.received += 1;
    const { primaryKey, columns } = table.spec;
    const parts = primaryKey === undefined ? [this.seq++] : primaryKey.map((name) => data[name]);
    if (parts.some((part) => part === null || part === undefined)) {
      table.skipped += 1;
      return;
    }
    const extra: Record<string, unknown> = {
      [EMITTED_AT]: new Date(emittedAt).toISOString(),
      [RAW_DATA]: data,
    };
    table.pending.set(
      parts.length === 1 ? String(parts[0]) : JSON.stringify(parts),
      columns.map((c) => cellText(c.name in extra ? extra[c.name] : data[c.name], c.type)),
    );
    if (table.pending.size >= BATCH_ROWS) await this.flushTable(table);
  }

  async flush(): Promise<void> {
    for (const table of this.tables.values()) await this.flushTable(table);
  }

  private async flushTable(table: Table): Promise<void> {
    if (table.pending.size === 0) return;
    const appender = await this.connection.createAppender(stagingName(table.spec), 'main', 'temp');
    for (const row of table.pending.values()) {
      for (const cell of row) {
        if (cell === null) appender.appendNull();
        else appender.appendVarchar(cell);
      }
      appender.endRow();
    }
    appender.closeSync();
    table.pending.clear();
    await this.transaction([upsertSql(table.spec), `DELETE FROM ${quoteIdent(stagingName(table.spec))}`]);
  }

  private async transaction(statements: string[]): Promise<void> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      for (const sql of statements) await this.connection.run(sql);
      await this.connection.run('COMMIT');
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  /** Full-refresh (overwrite) streams: rows this complete sync did not emit again are gone upstream. */
  async dropRowsBefore(stream: string, emittedAt: number): Promise<void> {
    const sql = `DELETE FROM ${quoteIdent(stream)} WHERE ${quoteIdent(EMITTED_AT)} < $1::TIMESTAMPTZ`;
    await this.connection.run(sql, [new Date(emittedAt).toISOString()]);
  }

  stats(stream: string): { received: number; skipped: number } {
    const table = this.tables.get(stream);
    return { received: table?.received ?? 0, skipped: table?.skipped ?? 0 };
  }

  async rowCount(stream: string): Promise<number> {
    const rows = await this.query(`SELECT count(*) AS n FROM ${quoteIdent(stream)}`);
    return Number(rows[0]?.n ?? 0);
  }

  async query(sql: string, values: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql, values);
    return reader.getRowObjectsJson();
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
