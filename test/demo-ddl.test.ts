// The demo's JSON schema → DuckDB mapping and its landing rules, on an in-memory database.
import { describe, expect, it } from 'vitest';
import * as duckdb from '@duckdb/node-api';
import { cellText, columnType, tableSpec, upsertSql, type DiscoveredStream } from '../src/demo/ddl.js';
import { DuckDbSink } from '../src/demo/duckdb-sink.js';

const stream = (properties: Record<string, unknown>, pk: string | null = 'id'): DiscoveredStream => ({
  name: 'things',
  json_schema: { properties },
  supported_sync_modes: ['full_refresh', 'incremental'],
  source_defined_primary_key: pk === null ? [] : [[pk]],
});

describe('columnType', () => {
  it.each([
    [{ type: 'integer' }, 'BIGINT'],
    [{ type: ['null', 'integer'] }, 'BIGINT'],
    [{ type: ['null', 'number'] }, 'DOUBLE'],
    [{ type: 'boolean' }, 'BOOLEAN'],
    [{ type: 'string', format: 'date' }, 'DATE'],
    [{ type: ['null', 'string'], format: 'date-time' }, 'TIMESTAMPTZ'],
    [{ type: 'string' }, 'VARCHAR'],
    [{ type: ['null', 'object'] }, 'JSON'],
    [{ type: 'array' }, 'JSON'],
    [{ type: ['string', 'integer'] }, 'JSON'],
    [{}, 'JSON'],
  ])('given %j, then the column is %s', (property, expected) => {
    expect(columnType(property)).toBe(expected);
  });
});

describe('tableSpec', () => {
  it('keeps the primary key, adds the emit time and the raw record, and upserts by key', () => {
    const spec = tableSpec(stream({ id: { type: 'string' }, n: { type: 'integer' } }));
    expect(spec.columns.map((c) => c.name)).toEqual(['id', 'n', '_airbyte_emitted_at', '_airbyte_data']);
    expect(spec.primaryKey).toEqual(['id']);
    expect(upsertSql(spec)).toMatch(/^INSERT OR REPLACE INTO "things"/);
  });

  it('given no primary key, then rows are appended', () => {
    expect(upsertSql(tableSpec(stream({ n: { type: 'integer' } }, null)))).toMatch(/^INSERT INTO/);
  });

  it('writes objects as JSON text and scalars as text', () => {
    expect(cellText({ a: 1 }, 'JSON')).toBe('{"a":1}');
    expect(cellText('x', 'JSON')).toBe('"x"');
    expect(cellText(12, 'BIGINT')).toBe('12');
    expect(cellText(null, 'VARCHAR')).toBeNull();
  });
});

async function memorySink(): Promise<DuckDbSink> {
  return DuckDbSink.open(duckdb, ':memory:');
}

describe('DuckDbSink', () => {
  const props = {
    id: { type: 'string' },
    n: { type: ['null', 'integer'] },
    seen_at: { type: 'string', format: 'date-time' },
  };

  it('given the same key twice in a batch and again later, then one row holds the last values', async () => {
    const sink = await memorySink();
    await sink.prepare(tableSpec(stream(props)));
    await sink.add('things', { id: 'a', n: 1 }, 1_000);
    await sink.add('things', { id: 'a', n: 2 }, 2_000);
    await sink.flush();
    await sink.add('things', { id: 'a', n: 3, seen_at: '2026-01-02T03:04:05Z', extra: 'kept' }, 3_000);
    await sink.flush();
    const rows = await sink.query(
      `SELECT n, epoch(seen_at) AS seen_at, _airbyte_data->>'extra' AS extra FROM things`,
    );
    expect(rows).toEqual([{ n: '3', seen_at: 1767323045, extra: 'kept' }]);
    expect(sink.stats('things')).toEqual({ received: 3, skipped: 0 });
    sink.close();
  });

  it('given a value that does not fit its type, then the column is null and the raw record keeps it', async () => {
    const sink = await memorySink();
    await sink.prepare(tableSpec(stream(props)));
    await sink.add('things', { id: 'b', n: 'many' }, 1_000);
    await sink.flush();
    expect(await sink.query(`SELECT n, _airbyte_data->>'n' AS raw FROM things`)).toEqual([
      { n: null, raw: 'many' },
    ]);
    sink.close();
  });

  it('given a newer schema with another property, then the existing table gains the column', async () => {
    const sink = await memorySink();
    await sink.prepare(tableSpec(stream(props)));
    await sink.add('things', { id: 'c', n: 1 }, 1_000);
    await sink.flush();
    await sink.prepare(tableSpec(stream({ ...props, ok: { type: 'boolean' } })));
    await sink.add('things', { id: 'd', ok: true }, 2_000);
    await sink.flush();
    expect(await sink.query('SELECT id, ok FROM things ORDER BY id')).toEqual([
      { id: 'c', ok: null },
      { id: 'd', ok: true },
    ]);
    sink.close();
  });

  it('given a key of two fields (workspace_id + id), then the same id in two workspaces is two rows, and the same pair again replaces its row', async () => {
    const sink = await memorySink();
    const spec = tableSpec({
      ...stream({ ...props, workspace_id: { type: 'string' } }),
      source_defined_primary_key: [['workspace_id'], ['id']],
    });
    expect(spec.primaryKey).toEqual(['workspace_id', 'id']);
    await sink.prepare(spec);
    await sink.add('things', { workspace_id: 'w1', id: 'u', n: 1 }, 1_000);
    await sink.add('things', { workspace_id: 'w2', id: 'u', n: 2 }, 1_000);
    await sink.flush();
    await sink.add('things', { workspace_id: 'w2', id: 'u', n: 3 }, 2_000);
    await sink.add('things', { id: 'u', n: 4 }, 2_000);
    await sink.flush();
    expect(await sink.query('SELECT workspace_id, id, n FROM things ORDER BY workspace_id')).toEqual([
      { workspace_id: 'w1', id: 'u', n: '1' },
      { workspace_id: 'w2', id: 'u', n: '3' },
    ]);
    expect(sink.stats('things')).toEqual({ received: 4, skipped: 1 });
    sink.close();
  });

  it('given a record without its key, then it is counted as skipped and not stored', async () => {
    const sink = await memorySink();
    await sink.prepare(tableSpec(stream(props)));
    await sink.add('things', { n: 1 }, 1_000);
    await sink.flush();
    expect(sink.stats('things')).toEqual({ received: 1, skipped: 1 });
    expect(await sink.rowCount('things')).toBe(0);
    sink.close();
  });
});
