// The built Singer tap against the simulator: state round trip, stream and field selection, failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, todayPlus, type Harness, type Json } from './helpers/sim.js';
import {
  lastStateValue,
  messages,
  runTap,
  selectStreams,
  singerRecords,
  type TapRun,
} from './helpers/tap.js';

const START = todayPlus(-10);
type Catalog = Parameters<typeof selectStreams>[0];

let h: Harness;
let catalog: Catalog;
const configWith = (overrides: Json = {}) =>
  h.write('config.json', h.config({ start_date: START, ...overrides }));
const sync = (names: string[], extra: string[] = [], config = configWith(), method?: 'FULL_TABLE') =>
  runTap([
    '--config',
    config,
    '--catalog',
    h.write('catalog.json', selectStreams(catalog, names, method)),
    ...extra,
  ]);
const streamsIn = (run: TapRun, type: string) =>
  [
    ...new Set(
      messages(run)
        .filter((m) => m.type === type)
        .map((m) => m.stream),
    ),
  ].sort();

beforeAll(async () => {
  h = await harness({ users: 6, days: 14 });
  catalog = JSON.parse((await runTap(['--config', configWith(), '--discover'])).stdout) as Catalog;
});
afterAll(async () => h.close());

describe('state', () => {
  const STREAMS = ['usage', 'code_reviews'];
  const kept = { states: [{ partition: { workspace_id: 'w' }, cursor: { date: '2026-01-01' } }] };
  let first: TapRun;
  let second: TapRun;
  beforeAll(async () => {
    const config = configWith({ lookback_days: 1 });
    first = await sync(STREAMS, [], config);
    const state = {
      bookmarks: { ...lastStateValue(first).bookmarks, workspace_usage: kept, retired: { x: 1 } },
    };
    second = await sync(STREAMS, ['--state', h.write('state.json', state)], config);
  });

  it('given the last STATE value of run 1, run 2 re-reads only the lookback', () => {
    expect([first.code, second.code]).toEqual([0, 0]);
    for (const stream of STREAMS) {
      const dates = singerRecords(second, stream).map((r) => String(r.date));
      expect(dates.length, stream).toBeGreaterThan(0);
      expect(dates.length, stream).toBeLessThan(singerRecords(first, stream).length);
      expect(dates.every((d) => d >= todayPlus(-1))).toBe(true);
    }
  });

  it('carries every bookmark in every STATE, those of streams not synced untouched', () => {
    const states = messages(second).filter((m) => m.type === 'STATE');
    expect(states.length).toBeGreaterThanOrEqual(STREAMS.length);
    for (const s of states)
      expect((s.value as { bookmarks: Json }).bookmarks).toMatchObject({
        workspace_usage: kept,
        retired: { x: 1 },
      });
    const last = lastStateValue(second).bookmarks;
    expect(Object.keys(last).sort()).toEqual(['code_reviews', 'retired', 'usage', 'workspace_usage']);
    expect(last.usage).toEqual(lastStateValue(first).bookmarks.usage);
  });

  it('given FULL_TABLE, ignores the bookmark and reads from start_date', async () => {
    const state = h.write('state.json', lastStateValue(first));
    const full = await sync(
      ['code_reviews'],
      ['--state', state],
      configWith({ lookback_days: 1 }),
      'FULL_TABLE',
    );
    expect(singerRecords(full).length).toBe(singerRecords(first, 'code_reviews').length);
  });
});

describe('selection', () => {
  it('emits nothing of a stream that is not selected', async () => {
    const run = await sync(['code_reviews']);
    expect(run.code).toBe(0);
    expect(streamsIn(run, 'SCHEMA')).toEqual(['code_reviews']);
    expect(streamsIn(run, 'RECORD')).toEqual(['code_reviews']);
  });

  it('given the legacy top-level `selected`, syncs that stream only', async () => {
    const legacy = {
      streams: [
        { tap_stream_id: 'workspace_usage', selected: true },
        { tap_stream_id: 'usage', selected: false },
      ],
    };
    const run = await runTap(['--config', configWith(), '--properties', h.write('properties.json', legacy)]);
    expect(run.code).toBe(0);
    expect(streamsIn(run, 'RECORD')).toEqual(['workspace_usage']);
  });

  it('drops deselected fields from SCHEMA and RECORD, but never the key', async () => {
    const entry = catalog.streams.find((s) => s.tap_stream_id === 'usage');
    const field =
      entry?.metadata
        .map((m) => m.breadcrumb[1])
        .find((f) => f !== undefined && !['id', 'date'].includes(f)) ?? '';
    const chosen = selectStreams(catalog, ['usage']);
    for (const m of chosen.streams.find((s) => s.tap_stream_id === 'usage')?.metadata ?? [])
      if (m.breadcrumb[1] === field || m.breadcrumb[1] === 'id')
        m.metadata = { ...m.metadata, selected: false };
    const run = await runTap(['--config', configWith(), '--catalog', h.write('catalog.json', chosen)]);
    const schema = messages(run).find((m) => m.type === 'SCHEMA')?.schema as { properties: Json };
    expect(Object.keys(schema.properties)).not.toContain(field);
    expect(Object.keys(schema.properties)).toContain('id');
    const records = singerRecords(run, 'usage');
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => !(field in r) && typeof r.id === 'string')).toBe(true);
  });
});

describe('failures', () => {
  it('given a repeating page token, fails that stream in one stderr line, runs the others, exits non-zero', async () => {
    h.sim.faults.add({ kind: 'repeat_cursor', route: 'code_reviews', times: 5 });
    const run = await sync(['code_reviews', 'code_review_responses'], [], configWith({ page_size: 5 }));
    h.sim.faults.clear();
    expect(run.code).toBe(1);
    expect(singerRecords(run, 'code_review_responses').length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(
      /^ERROR code_reviews: .*page token it had already returned.* \[PAGING_LOOP\]$/m,
    );
    expect(run.stderr).toMatch(/^ERROR Sync finished with failed streams: code_reviews\./m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('given a rejected key, names the key and never prints it', async () => {
    const wrong = 'sk-wrong-Zx81Qp0LmN4r7TfYb2Hc5e';
    const run = await sync(['usage'], [], configWith({ analytics_api_key: wrong }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ERROR usage: .*analytics_api_key was rejected \(401\).*\[HTTP_401\]$/m);
    expect(run.stderr + run.stdout).not.toContain(wrong);
  });

  it('given an invalid config, prints one CRITICAL line naming the key, nothing on stdout', async () => {
    const run = await runTap([
      '--config',
      h.write('config.json', { workspace_ids: ['nope'], analytics_api_key: 'k-123456' }),
      '--discover',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(
      /^CRITICAL Invalid config: `workspace_ids\[0\]` must be a workspace UUID.*\[CONFIG_INVALID\]$/,
    );
    expect(run.stderr).not.toContain('k-123456');
  });

  it('given a 429, logs the retry on stderr and keeps stdout to Singer messages', async () => {
    h.sim.faults.add({ kind: 'status', route: 'code_reviews', status: 429, retryAfter: '1', times: 1 });
    const run = await sync(['code_reviews']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^WARN Retrying GET .* in 1\.0 s/m);
    expect(messages(run).every((m) => ['SCHEMA', 'RECORD', 'STATE'].includes(String(m.type)))).toBe(true);
  });
});

describe('one read of /usage', () => {
  const SHARED = ['usage', 'usage_by_client', 'usage_by_model'];
  const usageCalls = async (names: string[]) => {
    h.sim.stats.reset();
    const run = await sync(names, [], configWith({ page_size: 30 }));
    return { run, calls: h.sim.stats.requests.filter((r) => r.route === 'usage').length };
  };

  it('given the three usage streams selected, makes the requests of one and emits what separate syncs emit', async () => {
    const together = await usageCalls(SHARED);
    expect(together.run.code).toBe(0);
    const usageAlone = await usageCalls(['usage']);
    expect(usageAlone.calls).toBeGreaterThan(2);
    expect(together.calls).toBe(usageAlone.calls);
    for (const stream of SHARED) {
      const alone = stream === 'usage' ? usageAlone : await usageCalls([stream]);
      expect(singerRecords(together.run, stream), stream).toEqual(singerRecords(alone.run, stream));
      expect(lastStateValue(together.run).bookmarks[stream], stream).toBeDefined();
    }
    // SCHEMA of every stream before any of its records
    const kinds = messages(together.run).map((m) => `${String(m.type)}:${String(m.stream)}`);
    for (const stream of SHARED)
      expect(kinds.indexOf(`SCHEMA:${stream}`)).toBeLessThan(kinds.indexOf(`RECORD:${stream}`));
  }, 60_000);
});
