// What the analytics data looks like: row shapes, sums, weeks, restatement and determinism.
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_IDS } from '../../src/simulator/analytics-data.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { get, NOW, readAll, type Row } from './harness.js';

const DAY = 86_400;
const TODAY = Math.floor(NOW / 1000 / DAY);
const dayString = (day: number) => new Date(day * DAY * 1000).toISOString().slice(0, 10);
const ALL: [string, string] = [dayString(TODAY - 90), dayString(TODAY + 1)];

const sims: Simulator[] = [];
async function start(opts: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  const sim = await startSimulator({ now: () => NOW, ...opts });
  sims.push(sim);
  return sim;
}
afterEach(async () => void (await Promise.all(sims.splice(0).map((s) => s.close()))));

const obj = (v: unknown) => v as Row;
const list = (v: unknown) => v as Row[];

describe('analytics data: usage row shapes', () => {
  it('varies every optional field the connector must tolerate', async () => {
    const sim = await start({ users: 40 });
    const rows = sim.truth.analytics.usageRows(sim.workspaceIds[0] ?? '', ...ALL);
    const totals = rows.map((r) => obj(r.totals));
    const some = (pred: (r: Row) => boolean) => rows.some(pred) && !rows.every(pred);
    expect(some((r) => typeof obj(r.actor).email === 'string')).toBe(true);
    expect(some((r) => r.seat_type === 'enterprise')).toBe(true);
    expect(some((r) => r.code_attribution === null)).toBe(true);
    expect(rows.every((r) => typeof r.object === 'string')).toBe(true);
    expect(
      totals.some((t) => t.cost_usd === null) && totals.some((t) => typeof t.cost_usd === 'number'),
    ).toBe(true);
    expect(totals.some((t) => t.cached_text_input_tokens === null)).toBe(true);
    expect(totals.some((t) => !Number.isInteger(t.credits))).toBe(true);
    const clients = rows.map((r) => list(r.clients));
    expect(clients.every((c) => c.length >= 1 && c.length <= 3)).toBe(true);
    expect(clients.flat().every((c) => (CLIENT_IDS as readonly unknown[]).includes(c.client_id))).toBe(true);
    const models = rows.map((r) => list(r.models));
    expect(models.every((m) => m.length >= 1 && m.length <= 2)).toBe(true);
    expect(new Set(models.flat().map((m) => m.speed))).toEqual(new Set(['standard', 'fast', null]));
    expect(models.flat().some((m) => m.model === 'other')).toBe(true);
  });

  it('has users active on some days only, so per-day row counts vary', async () => {
    const sim = await start();
    const rows = sim.truth.analytics.usageRows(sim.workspaceIds[0] ?? '', ...ALL);
    const perDay = new Map<unknown, number>();
    for (const r of rows) perDay.set(r.start_time, (perDay.get(r.start_time) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThan(sim.options.users);
    expect(new Set(perDay.values()).size).toBeGreaterThan(1);
  });

  it('sums user rows into the workspace row of each day', async () => {
    const sim = await start();
    const ws = sim.workspaceIds[1] ?? '';
    const day = [dayString(TODAY - 10), dayString(TODAY - 9)] as const;
    const users = sim.truth.analytics.usageRows(ws, ...day);
    const [workspace] = sim.truth.analytics.workspaceRows(ws, ...day);
    expect(workspace).toMatchObject({ user_id: null, actor: null, start_time: (TODAY - 10) * DAY });
    const threads = users.reduce((n, r) => n + (obj(r.totals).threads as number), 0);
    expect(obj(workspace?.totals).threads).toBe(threads);
  });
});

describe('analytics data: weeks', () => {
  it('group_by=week buckets seven days from start_time and sums them', async () => {
    const sim = await start();
    const ws = sim.workspaceIds[0] ?? '';
    const from = TODAY - 20;
    const url = `${sim.apiBaseUrl}/analytics/codex/workspaces/${ws}/usage?group=workspace&group_by=week&start_time=${from * DAY}`;
    const { rows } = await readAll(url, sim.keys.analytics);
    expect(rows.map((r) => r.start_time)).toEqual([from, from + 7, from + 14].map((d) => d * DAY));
    expect(rows.map((r) => ((r.end_time as number) - (r.start_time as number)) / DAY)).toEqual([7, 7, 7]);
    const days = sim.truth.analytics.workspaceRows(ws, dayString(from), dayString(from + 7));
    const threads = days.reduce((n, r) => n + (obj(r.totals).threads as number), 0);
    expect(obj(rows[0]?.totals).threads).toBe(threads);
  });
});

describe('analytics data: restatement and determinism', () => {
  it('advanceEpoch changes the three most recent days and nothing older', async () => {
    const sim = await start();
    const ws = sim.workspaceIds[0] ?? '';
    const before = sim.truth.analytics.workspaceRows(ws, ...ALL);
    const reviewsBefore = sim.truth.analytics.codeReviewResponseRows(ws, ...ALL);
    sim.advanceEpoch();
    const after = sim.truth.analytics.workspaceRows(ws, ...ALL);
    expect(after.slice(0, -3)).toEqual(before.slice(0, -3));
    for (let i = 1; i <= 3; i++) expect(after.at(-i)).not.toEqual(before.at(-i));
    expect(sim.truth.analytics.codeReviewResponseRows(ws, ...ALL).slice(0, -3)).toEqual(
      reviewsBefore.slice(0, -3),
    );
    const url = `${sim.apiBaseUrl}/analytics/codex/workspaces/${ws}/usage?group=workspace`;
    expect((await readAll(url, sim.keys.analytics)).rows).toEqual(after);
  });

  it('the same seed gives the same ids, keys and data; another seed gives others', async () => {
    const [a, b, c] = [await start({ seed: 7 }), await start({ seed: 7 }), await start({ seed: 8 })];
    expect(b.workspaceIds).toEqual(a.workspaceIds);
    expect(b.keys).toEqual(a.keys);
    const rows = (s: Simulator) => s.truth.analytics.usageRows(s.workspaceIds[0] ?? '', ...ALL);
    expect(rows(b)).toEqual(rows(a));
    expect(c.workspaceIds).not.toEqual(a.workspaceIds);
    expect(c.keys.analytics).not.toBe(a.keys.analytics);
    expect(rows(c)).not.toEqual(rows(a));
    const first = await get(
      `${a.apiBaseUrl}/analytics/codex/workspaces/${a.workspaceIds[0] ?? ''}/usage`,
      a.keys.analytics,
    );
    const second = await get(
      `${b.apiBaseUrl}/analytics/codex/workspaces/${b.workspaceIds[0] ?? ''}/usage`,
      b.keys.analytics,
    );
    expect(second.text).toBe(first.text);
  });

  it('serves a deep page of a 5,000-user, 90-day workspace without generating everything', async () => {
    const sim = await start({ users: 5000, days: 90, workspaces: 1 });
    const url = `${sim.apiBaseUrl}/analytics/codex/workspaces/${sim.workspaceIds[0] ?? ''}/usage?limit=1000`;
    const started = Date.now();
    const first = (await get(url, sim.keys.analytics)).json() as { data: Row[]; next_page: string };
    const second = (await get(`${url}&page=${first.next_page}`, sim.keys.analytics)).json() as {
      data: Row[];
    };
    expect(first.data).toHaveLength(1000);
    expect(second.data).toHaveLength(1000);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
