// Admin keys and variants end to end: an Admin-only config, a project key where the Admin key belongs, and
// buckets under the schema's `result` instead of the examples' `results`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector } from '../helpers/protocol.js';
import { errors, harness, recordsOf, statuses, todayPlus, type Harness, type Json } from '../helpers/sim.js';
import { ADMIN, bucketResults, DATED } from './admin-helpers.js';
import { STREAMS } from '../../src/streams.js';

const ANALYTICS = STREAMS.filter((s) => s.family === 'analytics').map((s) => s.name);
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => h.close());

const adminOnly = (o: Json = {}) =>
  h.config({ workspace_ids: undefined, analytics_api_key: undefined, compliance_api_key: undefined, ...o });

async function discover(config: Json): Promise<string[]> {
  const run = await runConnector(['discover', '--config', h.write('config.json', config)]);
  expect(run.code, run.stderr).toBe(0);
  const catalog = run.messages[0]?.catalog as { streams: { name: string }[] };
  return catalog.streams.map((s) => s.name);
}

describe('Admin-only config', () => {
  it('given only an Admin key and no workspace_ids, discover lists exactly the Admin streams of the stream table', async () => {
    expect((await discover(adminOnly())).sort()).toEqual([...ADMIN].sort());
  });

  it('given every key, discover lists the Admin streams beside the others', async () => {
    const names = await discover(h.config());
    for (const s of [...ADMIN, ...ANALYTICS]) expect(names).toContain(s);
  });

  it('given only an Admin key, check answers SUCCEEDED', async () => {
    const run = await runConnector(['check', '--config', h.write('config.json', adminOnly())]);
    const status = run.messages[0]?.connectionStatus as { status: string; message: string };
    expect(run.code).toBe(0);
    expect(status.status, status.message).toBe('SUCCEEDED');
  });
});

describe('a project key (sk-proj-…) in admin_api_key', () => {
  it('check answers FAILED naming admin_api_key and reading the API error body, exit 0', async () => {
    const key = h.sim.keys.nonAdmin;
    const run = await runConnector([
      'check',
      '--config',
      h.write('config.json', adminOnly({ admin_api_key: key })),
    ]);
    expect(run.code).toBe(0);
    expect(run.messages).toHaveLength(1);
    const status = run.messages[0]?.connectionStatus as { status: string; message: string };
    expect(status.status).toBe('FAILED');
    expect(status.message).toMatch(/admin_api_key: lacks the scope \(403\)/);
    expect(status.message).toMatch(/Use an Admin key/);
    expect(status.message).toMatch(/insufficient permissions/); // from {"error":{"message":…}}
    expect(run.stdout).not.toContain(key);
  });

  it('a read fails each Admin stream with config_error and exits non-zero', async () => {
    const streams = ['organization_users', 'organization_costs'];
    const run = await h.read(streams, {
      mode: 'full_refresh',
      config: adminOnly({ admin_api_key: h.sim.keys.nonAdmin }),
    });
    expect(run.code).not.toBe(0);
    for (const s of streams) expect(statuses(run, s).at(-1)).toBe('INCOMPLETE');
    const traced = errors(run);
    expect(traced.map((e) => e.stream_descriptor?.name)).toEqual(streams);
    expect(traced.every((e) => e.failure_type === 'config_error' && /admin_api_key/.test(e.message))).toBe(
      true,
    );
  });
});

describe('buckets under `result` (the schema text) instead of `results`', () => {
  it('reads every usage and costs result all the same', async () => {
    const T0 = Date.now();
    const variant = await harness({ bucketArrayKey: 'result', now: () => T0 });
    try {
      const start = todayPlus(-10);
      const run = await variant.read(DATED, {
        mode: 'full_refresh',
        config: variant.config({
          workspace_ids: undefined,
          analytics_api_key: undefined,
          compliance_api_key: undefined,
          start_date: start,
        }),
      });
      expect(run.code, run.stderr).toBe(0);
      for (const s of DATED) {
        const expected = bucketResults(variant.sim, s, start, todayPlus(1)).length;
        expect(expected, s).toBeGreaterThan(0);
        expect(recordsOf(run, s).length, s).toBe(expected);
      }
      const [bucket] = variant.sim.truth.admin.costs(start, todayPlus(1), []);
      expect(bucket && 'result' in bucket && !('results' in bucket)).toBe(true);
    } finally {
      await variant.close();
    }
  });
});
