// The built connector against the simulator over loopback: the analytics streams end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofType, validateMessage } from '../helpers/protocol.js';
import { recordErrors } from '../helpers/records.js';
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

const ANALYTICS = [
  'usage',
  'usage_by_client',
  'usage_by_model',
  'workspace_usage',
  'code_reviews',
  'code_review_responses',
];
const START = todayPlus(-20);
const END = todayPlus(1);

let h: Harness;
beforeAll(async () => {
  h = await harness({ users: 25, days: 30 });
});
afterAll(async () => h.close());

function expectedCounts(): Record<string, number> {
  const t = h.sim.truth.analytics;
  const per = (f: (ws: string) => Json[]) => h.sim.workspaceIds.flatMap(f);
  const usage = per((ws) => t.usageRows(ws, START, END));
  const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return {
    usage: usage.length,
    usage_by_client: usage.reduce((n, r) => n + len(r.clients), 0),
    usage_by_model: usage.reduce((n, r) => n + len(r.models), 0),
    workspace_usage: per((ws) => t.workspaceRows(ws, START, END)).length,
    code_reviews: per((ws) => t.codeReviewRows(ws, START, END)).length,
    code_review_responses: per((ws) => t.codeReviewResponseRows(ws, START, END)).length,
  };
}

describe('analytics streams, full refresh', () => {
  let run: Awaited<ReturnType<Harness['read']>>;
  beforeAll(async () => {
    run = await h.read(ANALYTICS, {
      mode: 'full_refresh',
      config: h.config({ start_date: START, admin_api_key: undefined, compliance_api_key: undefined }),
    });
  });

  it('exits 0 and prints only valid protocol messages', () => {
    expect(run.code).toBe(0);
    const invalid = run.messages.map(validateMessage).filter((e) => e.length > 0);
    expect(invalid).toEqual([]);
  });

  it('emits exactly the simulator data for every stream', () => {
    const expected = expectedCounts();
    for (const stream of ANALYTICS) expect(recordsOf(run, stream).length, stream).toBe(expected[stream]);
    expect(expected.usage).toBeGreaterThan(50);
  });

  it('emits records that validate against their schemas, with primary key and cursor never null, ids unique', () => {
    for (const stream of ANALYTICS) {
      const records = recordsOf(run, stream);
      expect(records.flatMap((r) => recordErrors(stream, r)).slice(0, 5), stream).toEqual([]);
      expect(
        records.every((r) => typeof r.id === 'string' && typeof r.date === 'string'),
        stream,
      ).toBe(true);
      expect(new Set(records.map((r) => r.id)).size, stream).toBe(records.length);
    }
  });

  it('passes unknown fields through and keeps users without email', () => {
    const usage = recordsOf(run, 'usage');
    expect(usage.some((r) => r.seat_type === 'enterprise')).toBe(true);
    expect(usage.some((r) => r.email === null)).toBe(true);
  });

  it('reports STARTED, RUNNING, COMPLETE per stream and STREAM states with sourceStats', () => {
    for (const stream of ANALYTICS) expect(statuses(run, stream)).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    const states = ofType(run.messages, 'STATE').map((m) => m.state as Json);
    expect(states.length).toBeGreaterThanOrEqual(ANALYTICS.length);
    expect(
      states.every((s) => s.type === 'STREAM' && typeof (s.sourceStats as Json).recordCount === 'number'),
    ).toBe(true);
    const counted = states.reduce(
      (n, s) => n + ((s.sourceStats as { recordCount: number }).recordCount ?? 0),
      0,
    );
    expect(counted).toBe(recordsOf(run).length);
  });

  it('pages through one window per stream and workspace, never one request per day', () => {
    const usageRequests = h.sim.stats.requests.filter((r) => r.route === 'usage');
    expect(usageRequests.length).toBeLessThan(20 * 3);
  });
});

describe('analytics streams, incremental', () => {
  it('given the state of run 1 as an array, run 2 re-reads only lookback_days before the cursor', async () => {
    const config = h.config({
      start_date: START,
      lookback_days: 2,
      admin_api_key: undefined,
      compliance_api_key: undefined,
    });
    const first = await h.read(ANALYTICS, { config });
    const second = await h.read(ANALYTICS, { config, state: finalStates(first) });
    expect(second.code).toBe(0);
    for (const stream of ANALYTICS) {
      const dates = recordsOf(second, stream).map((r) => String(r.date));
      expect(dates.length, stream).toBeGreaterThan(0);
      expect(dates.length, stream).toBeLessThan(recordsOf(first, stream).length);
      expect(
        dates.every((d) => d >= todayPlus(-2)),
        stream,
      ).toBe(true);
    }
  });

  it('given a restated day inside the lookback, run 2 emits the new values', async () => {
    const config = h.config({
      start_date: START,
      lookback_days: 3,
      admin_api_key: undefined,
      compliance_api_key: undefined,
    });
    const first = await h.read(['workspace_usage'], { config });
    h.sim.advanceEpoch();
    const second = await h.read(['workspace_usage'], { config, state: finalStates(first) });
    const before = new Map(recordsOf(first).map((r) => [r.id, JSON.stringify(r.totals)]));
    const changed = recordsOf(second).filter((r) => before.get(r.id) !== JSON.stringify(r.totals));
    expect(changed.length).toBeGreaterThan(0);
    const truth = new Map(
      h.sim.workspaceIds
        .flatMap((ws) => h.sim.truth.analytics.workspaceRows(ws, START, END))
        .map((r) => [`${r.start_time}:${JSON.stringify(r.totals)}`, r]),
    );
    for (const r of changed) expect(truth.has(`${r.start_time}:${JSON.stringify(r.totals)}`)).toBe(true);
  });

  it('given a state far in the future, emits no record and one state per stream', async () => {
    const future = ANALYTICS.map((name) => ({
      type: 'STREAM',
      stream: {
        stream_descriptor: { name },
        stream_state: {
          states: h.sim.workspaceIds.map((ws) => ({
            partition: { workspace_id: ws },
            cursor: { date: '2099-01-01' },
          })),
        },
      },
    }));
    const run = await h.read(ANALYTICS, {
      config: h.config({ admin_api_key: undefined, compliance_api_key: undefined }),
      state: future,
    });
    expect(recordsOf(run)).toHaveLength(0);
    expect(ofType(run.messages, 'STATE')).toHaveLength(ANALYTICS.length);
  });

  it('given a state of an unknown shape, warns and re-reads from start_date', async () => {
    const bad = [
      {
        type: 'STREAM',
        stream: { stream_descriptor: { name: 'code_reviews' }, stream_state: { cursor: 'yesterday' } },
      },
    ];
    const run = await h.read(['code_reviews'], { config: h.config({ start_date: START }), state: bad });
    expect(run.code).toBe(0);
    expect(ofType(run.messages, 'LOG').some((m) => JSON.stringify(m).includes('does not recognise'))).toBe(
      true,
    );
    expect(recordsOf(run).length).toBe(expectedCounts().code_reviews);
  });

  it('given a start_date older than 90 days, warns that it clamps', async () => {
    const run = await h.read(['code_reviews'], { config: h.config({ start_date: todayPlus(-200) }) });
    expect(run.code).toBe(0);
    expect(ofType(run.messages, 'LOG').some((m) => /more than 90 days back/.test(JSON.stringify(m)))).toBe(
      true,
    );
  });
});

describe('analytics faults', () => {
  it('given a 429 with Retry-After 1, waits it out and completes', async () => {
    h.sim.faults.add({ kind: 'status', route: 'code_reviews', status: 429, retryAfter: '1', times: 1 });
    const started = Date.now();
    const run = await h.read(['code_reviews'], { config: h.config({ start_date: START }) });
    expect(run.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(ofType(run.messages, 'LOG').some((m) => /Retrying .* in 1\.0 s/.test(JSON.stringify(m)))).toBe(
      true,
    );
    expect(recordsOf(run).length).toBe(expectedCounts().code_reviews);
  });

  it('given a repeating page token, fails that stream loudly and still runs the others', async () => {
    h.sim.faults.add({ kind: 'repeat_cursor', route: 'code_reviews', times: 5 });
    const run = await h.read(['code_reviews', 'code_review_responses'], {
      config: h.config({ start_date: START, page_size: 5 }),
    });
    expect(run.code).not.toBe(0);
    expect(statuses(run, 'code_reviews').at(-1)).toBe('INCOMPLETE');
    expect(statuses(run, 'code_review_responses').at(-1)).toBe('COMPLETE');
    const [error] = errors(run);
    expect(error).toMatchObject({
      failure_type: 'system_error',
      stream_descriptor: { name: 'code_reviews' },
    });
    expect(error?.message).toMatch(/page token it had already returned/);
    h.sim.faults.clear();
  });

  it('given empty pages with has_more, keeps paging and loses nothing', async () => {
    h.sim.faults.add({ kind: 'empty_pages', route: 'code_reviews', count: 3, times: 1 });
    const run = await h.read(['code_reviews'], { config: h.config({ start_date: START, page_size: 7 }) });
    expect(run.code).toBe(0);
    expect(recordsOf(run).length).toBe(expectedCounts().code_reviews);
  });
});

describe('check', () => {
  const check = async (overrides: Json) => {
    const { runConnector } = await import('../helpers/protocol.js');
    const run = await runConnector(['check', '--config', h.write('config.json', h.config(overrides))]);
    return {
      code: run.code,
      status: (run.messages[0]?.connectionStatus ?? {}) as { status: string; message: string },
      run,
    };
  };

  it('answers SUCCEEDED when every key works', async () => {
    const r = await check({});
    expect(r.code).toBe(0);
    expect(r.status.status).toBe('SUCCEEDED');
  });

  it.each([
    [
      'a rejected key (401)',
      { analytics_api_key: 'sk-wrong-key-000000000000' },
      /analytics_api_key: rejected \(401\)/,
    ],
    [
      'a key without the scope (403)',
      { analytics_api_key: 'NO_SCOPE' },
      /analytics_api_key: lacks the scope \(403\)/,
    ],
    ['an unknown workspace (404)', { workspace_ids: ['UNKNOWN'] }, /unknown workspace \(404\)/],
  ])('given %s, answers FAILED naming the key, exit 0', async (_name, overrides, pattern) => {
    const o: Json = { ...overrides };
    if (o.analytics_api_key === 'NO_SCOPE') o.analytics_api_key = h.sim.keys.noScope;
    if (Array.isArray(o.workspace_ids)) o.workspace_ids = [h.sim.unknownWorkspaceId];
    const r = await check(o);
    expect(r.code).toBe(0);
    expect(r.run.messages).toHaveLength(1);
    expect(r.status.status).toBe('FAILED');
    expect(r.status.message).toMatch(pattern);
    expect(r.run.stdout).not.toContain(String(o.analytics_api_key ?? h.sim.keys.analytics));
  });
});
