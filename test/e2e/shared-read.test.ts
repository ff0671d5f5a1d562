// usage, usage_by_client and usage_by_model send identical requests, so a sync of the three reads /usage once.
// The built connector against the simulator over loopback; requests are counted at the simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../helpers/protocol.js';
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

const SHARED = ['usage', 'usage_by_client', 'usage_by_model'];
const START = todayPlus(-12);

let h: Harness;
beforeAll(async () => {
  h = await harness({ users: 20, days: 20 });
});
afterAll(async () => h.close());

function config(overrides: Json = {}): Json {
  return h.config({
    start_date: START,
    page_size: 40,
    lookback_days: 0,
    admin_api_key: undefined,
    compliance_api_key: undefined,
    ...overrides,
  });
}

/** The usage requests of one run, as path + query: what the simulator was asked. The window's end is the
 * sync's start time and page tokens carry it, so those two differ from run to run and are left out. */
async function usageRequests(run: () => Promise<RunResult>): Promise<{ run: RunResult; asked: string[] }> {
  h.sim.stats.reset();
  const result = await run();
  const asked = h.sim.stats.requests
    .filter((r) => r.route === 'usage')
    .map((r) => {
      const { end_time: _end, page, ...query } = r.query;
      return `${r.path} ${JSON.stringify(query)} ${page === undefined ? 'first' : 'next'}`;
    });
  return { run: result, asked };
}

const ids = (records: Json[]) => records.map((r) => String(r.id)).sort();

describe('one read of /usage for the three streams cut from it', () => {
  let together: RunResult;
  let togetherAsked: string[];
  let alone: Map<string, { run: RunResult; asked: string[] }>;

  beforeAll(async () => {
    ({ run: together, asked: togetherAsked } = await usageRequests(() =>
      h.read(SHARED, { config: config() }),
    ));
    alone = new Map();
    for (const stream of SHARED)
      alone.set(stream, await usageRequests(() => h.read([stream], { config: config() })));
  }, 120_000);

  it('given all three selected, makes exactly the requests of one stream read alone', () => {
    const usageAlone = alone.get('usage')?.asked ?? [];
    expect(usageAlone.length).toBeGreaterThan(4); // several pages per workspace, or the test proves little
    expect(togetherAsked).toEqual(usageAlone);
    for (const stream of SHARED) expect(alone.get(stream)?.asked, stream).toEqual(usageAlone);
  });

  it('emits for each stream exactly the records of its separate read', () => {
    expect(together.code).toBe(0);
    for (const stream of SHARED) {
      const separate = alone.get(stream)?.run;
      expect(separate?.code, stream).toBe(0);
      expect(recordsOf(together, stream), stream).toEqual(recordsOf(separate as RunResult, stream));
      expect(recordsOf(together, stream).length, stream).toBeGreaterThan(0);
    }
  });

  it('gives each stream STARTED, RUNNING, COMPLETE and its own final state', () => {
    for (const stream of SHARED) {
      expect(statuses(together, stream), stream).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
      expect(finalStates(together).map((s) => streamName(s))).toContain(stream);
    }
  });

  it('given a resume from any emitted STATE, loses no record of any stream', async () => {
    const points = statePositions(together);
    expect(points.length).toBeGreaterThan(10);
    // Eight checkpoints spread over the run, the first and the last among them: each a resume after a crash
    // right after that STATE.
    const step = (points.length - 1) / 7;
    const picked = [...new Set(Array.from({ length: 8 }, (_, k) => points[Math.round(k * step)] ?? 0))];
    for (const at of picked) {
      const before = together.messages.slice(0, at + 1);
      const resumed = await h.read(SHARED, { config: config(), state: lastStates(before) });
      expect(resumed.code).toBe(0);
      for (const stream of SHARED) {
        const got = new Set([...ids(recordsIn(before, stream)), ...ids(recordsOf(resumed, stream))]);
        const missing = ids(recordsOf(together, stream)).filter((id) => !got.has(id));
        expect(missing, `${stream} after message ${at}`).toEqual([]);
      }
    }
  }, 120_000);
});

describe('errors of a shared read', () => {
  it('given the read fails (404), every stream sharing it gets its own error trace and INCOMPLETE', async () => {
    h.sim.faults.add({ kind: 'status', route: 'usage', status: 404, times: 1 });
    const run = await h.read([...SHARED, 'code_reviews'], { config: config() });
    h.sim.faults.clear();
    expect(run.code).not.toBe(0);
    for (const stream of SHARED) {
      expect(statuses(run, stream), stream).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
      const traced = errors(run).filter((e) => e.stream_descriptor?.name === stream);
      expect(traced, stream).toHaveLength(1);
      expect(traced[0]?.failure_type).toBe('config_error');
    }
    expect(statuses(run, 'code_reviews')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  }, 60_000);
});

describe('page size', () => {
  it('given an API that refuses pages above 100 rows, steps down once and keeps the size for the sync', async () => {
    const strict = await harness({ users: 20, days: 20, maxPageSize: 100 });
    try {
      strict.sim.stats.reset();
      // One stream over two workspaces: the second workspace's window asks for the size the first one learned.
      expect(strict.sim.workspaceIds.length).toBe(2);
      const run = await strict.read(['usage'], {
        config: strict.config({ start_date: START, admin_api_key: undefined, compliance_api_key: undefined }),
      });
      expect(run.code).toBe(0);
      const limits = strict.sim.stats.requests.filter((r) => r.route === 'usage').map((r) => r.status);
      // Only the first request of the sync asks for 30,000 (the default) and gets a 422.
      expect(limits.filter((s) => s === 422)).toHaveLength(1);
      const asked = strict.sim.stats.requests
        .filter((r) => r.route === 'usage' && r.status === 200)
        .map((r) => r.query.limit);
      expect(new Set(asked)).toEqual(new Set(['100']));
      expect(recordsOf(run, 'usage').length).toBeGreaterThan(100);
    } finally {
      await strict.close();
    }
  });
});

function streamName(state: unknown): string {
  return (state as { stream: { stream_descriptor: { name: string } } }).stream.stream_descriptor.name;
}

function statePositions(run: RunResult): number[] {
  return run.messages.flatMap((m, i) => (m.type === 'STATE' ? [i] : []));
}

function lastStates(messages: Json[]): unknown[] {
  return finalStates({ messages } as RunResult);
}

function recordsIn(messages: Json[], stream: string): Json[] {
  return recordsOf({ messages } as RunResult, stream);
}
