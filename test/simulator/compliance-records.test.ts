// /codex_tasks and /codex_environments over real HTTP: opaque-cursor paging, limits, update times that
// make incremental syncs meaningful, and the paging faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';

const START = Date.parse('2026-07-16T03:00:00Z');
const DAY_S = 86_400;
let now = START;
let sim: Simulator;
let ws: string;

type Row = Record<string, unknown> & { id: string; updated_at: number };
interface Page {
  data: Row[];
  has_more: boolean;
  cursor: string | null;
}

async function get(path: string): Promise<Response> {
  const url = `${sim.apiBaseUrl}/compliance/workspaces/${ws}/${path}`;
  return fetch(url, { headers: { authorization: `Bearer ${sim.keys.compliance}` } });
}

async function page(path: string): Promise<Page> {
  const res = await get(path);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

async function readAll(route: string, limit: number): Promise<{ rows: Row[]; pages: Page[] }> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const query: string =
      cursor === null ? `limit=${limit}` : `limit=${limit}&cursor=${encodeURIComponent(cursor)}`;
    const p = await page(`${route}?${query}`);
    pages.push(p);
    cursor = p.has_more ? p.cursor : null;
  } while (cursor !== null && pages.length < 100);
  return { rows: pages.flatMap((p) => p.data), pages };
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 9, now: () => now, rateLimitPerMinute: 10_000 });
  ws = sim.workspaceIds[0] ?? '';
});
afterAll(() => sim.close());
beforeEach(() => {
  now = START;
  sim.faults.clear();
});

describe.each(['codex_tasks', 'codex_environments'])('GET /%s', (route) => {
  const truth = (): Row[] =>
    (route === 'codex_tasks'
      ? sim.truth.compliance.tasks(ws)
      : sim.truth.compliance.environments(ws)) as Row[];

  it('pages with an opaque cursor through every record exactly once, in id order', async () => {
    const { rows, pages } = await readAll(route, 2);
    expect(rows.map((r) => r.id)).toEqual(truth().map((r) => r.id));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(pages.at(-1)).toMatchObject({ has_more: false, cursor: null });
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort());
  });

  it('defaults limit to 30, caps it at 30, and answers 422 for a bad limit or cursor', async () => {
    const first = await page(route);
    expect(first.data).toHaveLength(Math.min(30, truth().length));
    for (const q of ['limit=0', 'limit=31', 'limit=x', 'cursor=not-a-cursor']) {
      expect((await get(`${route}?${q}`)).status).toBe(422);
    }
  });

  it('malformed_envelope: a 200 without data', async () => {
    sim.faults.add({ kind: 'malformed_envelope', route });
    const body = (await page(route)) as unknown as Record<string, unknown>;
    expect(body.data).toBeUndefined();
  });
});

describe('codex_tasks data', () => {
  it('orders tasks by id, not updated_at, with updated_at mostly within 60 days and some within minutes', async () => {
    const { rows } = await readAll('codex_tasks', 30);
    expect(rows).toHaveLength(sim.options.tasks);
    const updated = rows.map((r) => r.updated_at);
    expect(updated).not.toEqual([...updated].sort((a, b) => a - b));
    const nowS = START / 1000;
    expect(updated.every((u) => u <= nowS && u > nowS - 60 * DAY_S)).toBe(true);
    expect(updated.filter((u) => u > nowS - 1200).length).toBeGreaterThan(0);
    expect(
      rows.every((r) => Number(r.created_at) <= r.updated_at && String(r.id).startsWith('task_e_')),
    ).toBe(true);
  });

  it('given time passes, then hot tasks show a later updated_at that the truth predicts', async () => {
    const before = sim.truth.compliance.tasks(ws);
    const since = Math.max(...before.map((t) => Number(t.updated_at)));
    now = START + 30 * 60_000;
    const changed = sim.truth.compliance.tasksUpdatedAfter(ws, since);
    expect(changed.length).toBeGreaterThan(0);
    const served = new Map((await readAll('codex_tasks', 30)).rows.map((r) => [r.id, r.updated_at]));
    for (const t of changed) expect(served.get(t.id)).toBe(t.updated_at);
    expect([...served.values()].filter((u) => u > since)).toHaveLength(changed.length);
  });

  it('serves some titles with raw U+2028 / U+2029 characters', async () => {
    const text = await (await get('codex_tasks?limit=30')).text();
    expect(/[\u2028\u2029]/.test(text)).toBe(true);
  });
});

describe('paging faults', () => {
  it('empty_pages: empty pages with has_more and fresh cursors, then the data continues', async () => {
    sim.faults.add({ kind: 'empty_pages', route: 'codex_tasks', count: 2, after: 1 });
    const { rows, pages } = await readAll('codex_tasks', 10);
    expect(pages.filter((p) => p.data.length === 0 && p.has_more)).toHaveLength(2);
    expect(new Set(pages.map((p) => p.cursor)).size).toBe(pages.length);
    expect(rows.map((r) => r.id)).toEqual(sim.truth.compliance.tasks(ws).map((t) => t.id));
  });

  it('repeat_cursor: the next cursor equals the one just sent', async () => {
    sim.faults.add({ kind: 'repeat_cursor', route: 'codex_tasks' });
    const first = await page('codex_tasks?limit=5');
    const second = await page(`codex_tasks?limit=5&cursor=${encodeURIComponent(first.cursor ?? '')}`);
    expect(second).toMatchObject({ has_more: true, cursor: first.cursor });
  });

  it('the core guards the routes: another scope gets 403, an unknown workspace 404', async () => {
    const url = `${sim.apiBaseUrl}/compliance/workspaces/${ws}/codex_tasks`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${sim.keys.analytics}` } });
    expect(res.status).toBe(403);
    const unknown = `${sim.apiBaseUrl}/compliance/workspaces/${sim.unknownWorkspaceId}/codex_tasks`;
    expect(
      (await fetch(unknown, { headers: { authorization: `Bearer ${sim.keys.compliance}` } })).status,
    ).toBe(404);
  });
});
