// The fault matrix: for each fault the sync either completes with every expected record, or fails with the
// right failure_type and a last state that, fed back once the fault is gone, completes the data.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../src/simulator/index.js';
import {
  errors,
  finalStates,
  harness,
  recordsOf,
  statuses,
  todayPlus,
  type Harness,
  type Json,
} from '../helpers/sim.js';

const START = todayPlus(-9);
let h: Harness;
let expectedIds: string[];

beforeAll(async () => {
  h = await harness({ users: 10, days: 12 });
  const day = (seconds: unknown) => new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
  expectedIds = h.sim.workspaceIds.flatMap((ws) =>
    h.sim.truth.analytics
      .usageRows(ws, START, todayPlus(1))
      .map((r) => `${ws}:${day(r.start_time)}:${String(r.user_id)}`),
  );
});
afterAll(async () => h.close());

const config = (extra: Json = {}) =>
  h.config({
    start_date: START,
    page_size: 25,
    request_timeout_seconds: 1,
    compliance_api_key: undefined,
    admin_api_key: undefined,
    ...extra,
  });

async function syncWith(fault: FaultSpec) {
  h.sim.faults.clear();
  h.sim.faults.add(fault);
  const run = await h.read(['usage'], { config: config() });
  h.sim.faults.clear();
  return run;
}

const ids = (run: Awaited<ReturnType<Harness['read']>>) => recordsOf(run, 'usage').map((r) => String(r.id));

describe('faults that are retried until the sync completes', () => {
  it.each<[string, FaultSpec]>([
    ['a burst of 500s', { kind: 'status', route: 'usage', status: 500, times: 2 }],
    ['a burst of 502s', { kind: 'status', route: 'usage', status: 502, times: 2, after: 1 }],
    ['a burst of 503s', { kind: 'status', route: 'usage', status: 503, times: 3, after: 2 }],
    [
      'a 429 with Retry-After in seconds',
      { kind: 'status', route: 'usage', status: 429, retryAfter: '1', times: 1 },
    ],
    [
      'a 429 with Retry-After as an HTTP date',
      {
        kind: 'status',
        route: 'usage',
        status: 429,
        retryAfter: new Date(Date.now() + 1500).toUTCString(),
        times: 1,
      },
    ],
    [
      'a 429 without Retry-After',
      { kind: 'status', route: 'usage', status: 429, retryAfter: null, times: 2 },
    ],
    ['a connection reset mid-body', { kind: 'reset', route: 'usage', times: 2, after: 1 }],
    ['a truncated JSON body', { kind: 'truncate', route: 'usage', times: 2, after: 1 }],
    [
      'a response slower than request_timeout_seconds',
      { kind: 'latency', route: 'usage', ms: 2500, times: 1, after: 1 },
    ],
    ['empty pages with has_more', { kind: 'empty_pages', route: 'usage', count: 3, times: 1 }],
  ])('given %s, the sync completes with every expected record', async (_name, fault) => {
    const run = await syncWith(fault);
    expect(run.code, JSON.stringify(errors(run))).toBe(0);
    expect(new Set(ids(run))).toEqual(new Set(expectedIds));
    expect(statuses(run, 'usage')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });
});

describe('faults that fail the stream, then resume with nothing lost', () => {
  it.each<[string, FaultSpec, string]>([
    ['a key revoked mid-sync (401)', { kind: 'revoke_key', route: 'usage', after: 2 }, 'config_error'],
    [
      'a malformed envelope',
      { kind: 'malformed_envelope', route: 'usage', after: 2, times: 1 },
      'system_error',
    ],
    [
      'a repeating page cursor',
      { kind: 'repeat_cursor', route: 'usage', after: 1, times: 3 },
      'system_error',
    ],
  ])(
    'given %s, fails with %s and the last state resumes to the full data',
    async (_name, fault, failureType) => {
      const failed = await syncWith(fault);
      expect(failed.code).not.toBe(0);
      expect(statuses(failed, 'usage').at(-1)).toBe('INCOMPLETE');
      expect(errors(failed)[0]).toMatchObject({
        failure_type: failureType,
        stream_descriptor: { name: 'usage' },
      });
      // No state may claim a day whose records were not all emitted before it.
      const emittedBefore = new Set(ids(failed));
      const resumed = await h.read(['usage'], { config: config(), state: finalStates(failed) });
      expect(resumed.code).toBe(0);
      const union = new Set([...emittedBefore, ...ids(resumed)]);
      expect(union).toEqual(new Set(expectedIds));
    },
  );
});

describe('Authorization stays on its own host', () => {
  let origin: Server;
  let elsewhere: Server;
  let elsewhereHits = 0;
  let elsewhereAuth = 0;
  beforeAll(async () => {
    elsewhere = createServer((req, res) => {
      elsewhereHits++;
      if (req.headers.authorization) elsewhereAuth++;
      res.end('{"object":"page","data":[],"has_more":false,"next_page":null}');
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
    const target = `http://localhost:${(elsewhere.address() as AddressInfo).port}/steal`;
    origin = createServer((_req, res) => {
      res.writeHead(307, { location: target });
      res.end();
    });
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  });
  afterAll(() => {
    origin.close();
    elsewhere.close();
  });

  it('given an analytics endpoint that redirects to another host, the connector refuses to follow', async () => {
    const api = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/v1`;
    const run = await h.read(['usage'], { config: config({ api_base_url: api }) });
    expect(run.code).not.toBe(0);
    expect(errors(run)[0]?.message).toMatch(/redirect \(307\); refused/);
    expect(elsewhereHits).toBe(0);
    expect(elsewhereAuth).toBe(0);
  });
});
