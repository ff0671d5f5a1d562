// The built Singer tap against the simulator over loopback: discover, and a sync of every stream compared with
// what the Airbyte `read` emits for the same config.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFields } from '../src/stream-def.js';
import { STREAMS } from '../src/streams.js';
import { recordsOf, harness, todayPlus, type Harness } from './helpers/sim.js';
import { messages, runTap, selectStreams, singerRecords, type Json, type TapRun } from './helpers/tap.js';

const START = todayPlus(-6);
// A fixed simulator clock: the tap and the Airbyte read run seconds apart and must see the same data.
const SIM_NOW = Date.now();
type Catalog = Parameters<typeof selectStreams>[0];

let h: Harness;
let configPath: string;
let discovered: TapRun;
let catalog: Catalog;
beforeAll(async () => {
  h = await harness({ users: 6, days: 10, now: () => SIM_NOW });
  configPath = h.write('config.json', h.config({ start_date: START }));
  discovered = await runTap(['--config', configPath, '--discover']);
  catalog = JSON.parse(discovered.stdout) as Catalog;
});
afterAll(async () => h.close());

describe('tap-openai-codex --discover', () => {
  it('prints one Singer catalog with every stream of the table, nothing on stderr but logs', () => {
    expect(discovered.code).toBe(0);
    expect(catalog.streams.map((s) => s.tap_stream_id)).toEqual(STREAMS.map((s) => s.name));
    expect(discovered.stderr).not.toContain(h.sim.keys.analytics);
  });

  it.each(STREAMS.map((s) => [s.name, s] as const))(
    '%s: keys, replication and metadata match the table',
    (name, def) => {
      const entry = catalog.streams.find((s) => s.tap_stream_id === name) as Json &
        Catalog['streams'][number];
      expect(entry).toMatchObject({ stream: name, key_properties: keyFields(def) });
      expect(entry.replication_key).toBe(def.cursorField);
      expect(entry.replication_method).toBe(def.cursorField ? 'INCREMENTAL' : 'FULL_TABLE');
      const top = entry.metadata.find((m) => m.breadcrumb.length === 0)?.metadata;
      expect(top).toMatchObject({
        inclusion: 'available',
        selected: def.suggested,
        'table-key-properties': keyFields(def),
      });
      if (def.cursorField) expect(top?.['valid-replication-keys']).toEqual([def.cursorField]);
      else expect(top?.['forced-replication-method']).toBe('FULL_TABLE');
      const props = Object.keys((entry.schema as { properties: Json }).properties);
      const fields = entry.metadata.filter((m) => m.breadcrumb[0] === 'properties');
      expect(fields.map((m) => m.breadcrumb[1])).toEqual(props);
      for (const m of fields) {
        const automatic =
          keyFields(def).includes(String(m.breadcrumb[1])) || m.breadcrumb[1] === def.cursorField;
        expect(m.metadata.inclusion, m.breadcrumb.join('.')).toBe(automatic ? 'automatic' : 'available');
      }
    },
  );
});

describe('a FULL_TABLE sync of every stream', () => {
  let tap: TapRun;
  let airbyte: Awaited<ReturnType<Harness['read']>>;
  beforeAll(async () => {
    const names = STREAMS.map((s) => s.name);
    const catalogPath = h.write('catalog.json', selectStreams(catalog, names, 'FULL_TABLE'));
    tap = await runTap(['--config', configPath, '--catalog', catalogPath]);
    airbyte = await h.read(names, { mode: 'full_refresh', config: h.config({ start_date: START }) });
  }, 120_000);

  it('exits 0 and prints only Singer SCHEMA, RECORD and STATE messages on stdout', () => {
    expect(tap.code, tap.stderr).toBe(0);
    const types = new Set(messages(tap).map((m) => m.type));
    expect([...types].sort()).toEqual(['RECORD', 'SCHEMA', 'STATE']);
    expect(tap.stderr).toMatch(/^INFO usage: sync started/m);
  });

  it('sends each stream its SCHEMA, with the table key and bookmark, before any of its RECORDs', () => {
    const all = messages(tap);
    for (const def of STREAMS) {
      const schemaAt = all.findIndex((m) => m.type === 'SCHEMA' && m.stream === def.name);
      const firstRecord = all.findIndex((m) => m.type === 'RECORD' && m.stream === def.name);
      expect(schemaAt, def.name).toBeGreaterThanOrEqual(0);
      if (firstRecord >= 0) expect(schemaAt, def.name).toBeLessThan(firstRecord);
      expect(all[schemaAt]).toMatchObject({ key_properties: keyFields(def) });
      expect(all[schemaAt]?.bookmark_properties).toEqual(def.cursorField ? [def.cursorField] : undefined);
    }
  });

  it('emits records with time_extracted and a non-null key', () => {
    const records = messages(tap).filter((m) => m.type === 'RECORD');
    expect(records.length).toBeGreaterThan(100);
    for (const m of records) {
      expect(Number.isNaN(Date.parse(String(m.time_extracted)))).toBe(false);
      const def = STREAMS.find((s) => s.name === m.stream);
      for (const field of def ? keyFields(def) : ['']) expect((m.record as Json)[field]).not.toBeNull();
    }
  });

  it.each(STREAMS.map((s) => [s.name]))('%s: the same records as the Airbyte read', (name) => {
    expect(airbyte.code).toBe(0);
    const sorted = (rows: Json[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(singerRecords(tap, name).length).toBeGreaterThan(0);
    expect(sorted(singerRecords(tap, name))).toEqual(sorted(recordsOf(airbyte, name)));
  });

  it('ends with a STATE holding a bookmark for every stream', () => {
    const last = messages(tap)
      .filter((m) => m.type === 'STATE')
      .at(-1) as { value: { bookmarks: Json } };
    expect(Object.keys(last.value.bookmarks).sort()).toEqual(STREAMS.map((s) => s.name).sort());
  });
});
