// Analytics routes over real HTTP: validation, paging against the ground truth, windows, paging faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { get, NOW, readAll, type PageBody } from './harness.js';

const DAY = 86_400;
const TODAY = Math.floor(NOW / 1000 / DAY);
const dayString = (day: number) => new Date(day * DAY * 1000).toISOString().slice(0, 10);

let sim: Simulator;
let base: string;
let ws: string;
beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW, rateLimitPerMinute: 100_000 });
  ws = sim.workspaceIds[0] ?? '';
  base = `${sim.apiBaseUrl}/analytics/codex/workspaces/${ws}`;
});
afterAll(async () => sim.close());

describe('analytics: validation', () => {
  it.each([
    ['usage?limit=0', 'limit'],
    ['usage?limit=30001', 'limit'],
    ['usage?limit=ten', 'limit'],
    [`usage?start_time=${(TODAY - 91) * DAY}`, 'start_time'],
    ['usage?start_time=yesterday', 'start_time'],
    [`usage?start_time=${TODAY * DAY}&end_time=${(TODAY - 1) * DAY}`, 'end_time'],
    ['usage?group_by=month', 'group_by'],
    ['usage?group=user', 'group'],
    ['code_reviews?group=workspace', 'group'],
    ['usage?page=not-a-token', 'page'],
  ])('GET %s answers 422 naming %s', async (path, param) => {
    const reply = await get(`${base}/${path}`, sim.keys.analytics);
    expect(reply.status).toBe(422);
    expect(reply.json()).toEqual({ detail: [expect.objectContaining({ loc: ['query', param] })] });
  });

  it('accepts start_time exactly 90 days back, and limit 30000', async () => {
    const reply = await get(`${base}/usage?start_time=${(TODAY - 90) * DAY}&limit=30000`, sim.keys.analytics);
    expect(reply.status).toBe(200);
  });

  it('answers a start_time after now, with no end_time, with an empty last page', async () => {
    const reply = await get(`${base}/usage?start_time=${(TODAY + 3) * DAY}`, sim.keys.analytics);
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ object: 'page', data: [], has_more: false, next_page: null });
  });

  it('rejects a page token minted for another route', async () => {
    const first = (await get(`${base}/code_reviews?limit=1`, sim.keys.analytics)).json() as PageBody;
    expect(first.next_page).toEqual(expect.any(String));
    const reply = await get(`${base}/usage?page=${first.next_page ?? ''}`, sim.keys.analytics);
    expect(reply.status).toBe(422);
  });

  it('answers 404 for the unknown workspace id', async () => {
    const url = `${sim.apiBaseUrl}/analytics/codex/workspaces/${sim.unknownWorkspaceId}/usage`;
    expect(sim.unknownWorkspaceId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect((await get(url, sim.keys.analytics)).status).toBe(404);
  });
});

describe('analytics: paging', () => {
  it('pages through usage with small pages and yields exactly the truth rows', async () => {
    const { rows, pages } = await readAll(`${base}/usage?limit=37`, sim.keys.analytics);
    const truth = sim.truth.analytics.usageRows(ws, dayString(TODAY - 90), dayString(TODAY + 1));
    expect(pages.length).toBeGreaterThan(3);
    expect(rows).toEqual(truth);
    expect(pages.every((p) => p.object === 'page' && (p.data?.length ?? 0) <= 37)).toBe(true);
    const last = pages.at(-1);
    expect(last?.has_more).toBe(false);
    expect(last?.next_page).toBeNull();
  });

  it('hands out opaque next_page tokens, all different', async () => {
    const { pages } = await readAll(`${base}/usage?limit=200`, sim.keys.analytics);
    const tokens = pages.slice(0, -1).map((p) => p.next_page);
    expect(tokens.length).toBeGreaterThan(1);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('orders rows by start_time, then user_id, and serves only the last `days` days, today included', async () => {
    const rows = sim.truth.analytics.usageRows(ws, dayString(TODAY - 90), dayString(TODAY + 1));
    const keys = rows.map((r) => `${String(r.start_time).padStart(12, '0')}|${String(r.user_id)}`);
    expect(keys).toEqual([...keys].sort());
    const days = new Set(rows.map((r) => (r.start_time as number) / DAY));
    expect(Math.min(...days)).toBe(TODAY - sim.options.days + 1);
    expect(Math.max(...days)).toBe(TODAY);
  });

  it('treats end_time as exclusive and serves the same rows as the truth for a window', async () => {
    const [start, end] = [TODAY - 5, TODAY - 3];
    const { rows } = await readAll(
      `${base}/usage?start_time=${start * DAY}&end_time=${end * DAY}`,
      sim.keys.analytics,
    );
    expect(new Set(rows.map((r) => r.start_time))).toEqual(new Set([start * DAY, (start + 1) * DAY]));
    expect(rows).toEqual(sim.truth.analytics.usageRows(ws, dayString(start), dayString(end)));
  });

  it('serves one workspace row per day with group=workspace, and one row per day of code reviews', async () => {
    const window = `start_time=${(TODAY - 40) * DAY}&limit=7`;
    const workspace = await readAll(`${base}/usage?group=workspace&${window}`, sim.keys.analytics);
    const reviews = await readAll(`${base}/code_reviews?${window}`, sim.keys.analytics);
    const responses = await readAll(`${base}/code_review_responses?${window}`, sim.keys.analytics);
    const [from, to] = [dayString(TODAY - 40), dayString(TODAY + 1)];
    expect(workspace.rows).toEqual(sim.truth.analytics.workspaceRows(ws, from, to));
    expect(reviews.rows).toEqual(sim.truth.analytics.codeReviewRows(ws, from, to));
    expect(responses.rows).toEqual(sim.truth.analytics.codeReviewResponseRows(ws, from, to));
    for (const rows of [workspace.rows, reviews.rows, responses.rows])
      expect(rows).toHaveLength(sim.options.days);
  });
});

describe('analytics: paging faults', () => {
  it('repeat_cursor: the second page hands back the very token it received', async () => {
    sim.faults.add({ kind: 'repeat_cursor', route: 'usage' });
    const first = (await get(`${base}/usage?limit=10`, sim.keys.analytics)).json() as PageBody;
    const token = first.next_page ?? '';
    const second = (await get(`${base}/usage?limit=10&page=${token}`, sim.keys.analytics)).json() as PageBody;
    expect(second.next_page).toBe(token);
    expect(second.has_more).toBe(true);
  });

  it('empty_pages: `count` empty pages with has_more true, then the data continues unchanged', async () => {
    sim.faults.add({ kind: 'empty_pages', route: 'code_reviews', count: 3, after: 1 });
    const { rows, pages } = await readAll(`${base}/code_reviews?limit=10`, sim.keys.analytics);
    expect(pages.slice(1, 4).map((p) => [p.data?.length, p.has_more])).toEqual([
      [0, true],
      [0, true],
      [0, true],
    ]);
    expect(pages[4]?.data?.length).toBe(10);
    expect(rows).toEqual(sim.truth.analytics.codeReviewRows(ws, dayString(TODAY - 90), dayString(TODAY + 1)));
  });

  it('malformed_envelope: a 200 whose body lacks data and has_more', async () => {
    sim.faults.add({ kind: 'malformed_envelope', route: 'usage' });
    const reply = await get(`${base}/usage`, sim.keys.analytics);
    expect(reply.status).toBe(200);
    const body = reply.json() as Record<string, unknown>;
    expect(body).not.toHaveProperty('data');
    expect(body).not.toHaveProperty('has_more');
    expect((await get(`${base}/usage`, sim.keys.analytics)).json()).toHaveProperty('data');
  });
});
