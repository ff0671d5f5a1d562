// The Admin usage and costs endpoints over real HTTP: daily buckets, group_by, filters, bucket caps, page
// tokens, the `results`/`result` variant and the paging faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { Bucket } from '../../src/simulator/admin.js';
import { get, NOW } from './harness.js';

const DAY = 86_400;
const TODAY = Math.floor(NOW / 1000 / DAY);
const ALL_COMPLETION_DIMS = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'];
const iso = (day: number): string => new Date(day * DAY * 1000).toISOString().slice(0, 10);

interface Page {
  object: string;
  data: Bucket[];
  has_more: boolean;
  next_page: string | null;
}

let sim: Simulator;

async function page(path: string, expected = 200): Promise<Page> {
  const res = await get(`${sim.adminBaseUrl}/organization/${path}`, sim.keys.admin);
  expect(res.status, res.text).toBe(expected);
  return res.json() as Page;
}

/** Follows next_page to the end, returning every page. */
async function allPages(path: string): Promise<Page[]> {
  const pages: Page[] = [];
  let token: string | null = null;
  do {
    const p: Page = await page(token === null ? path : `${path}&page=${encodeURIComponent(token)}`);
    pages.push(p);
    token = p.next_page;
    expect(pages.length).toBeLessThan(50);
  } while (token !== null);
  return pages;
}

const results = (b: Bucket): Record<string, unknown>[] => b['results'] as Record<string, unknown>[];

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW });
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

describe('usage buckets', () => {
  it('given group_by on every dimension, then some results differ in exactly one dimension (batch, service_tier)', async () => {
    const start = (TODAY - 6) * DAY;
    const groups = ALL_COMPLETION_DIMS.map((d) => `group_by=${d}`).join('&');
    const body = await page(`usage/completions?start_time=${start}&${groups}`);
    const rows = body.data.flatMap(results);
    expect(rows.length).toBeGreaterThan(0);
    const differsIn = (dim: string): boolean =>
      body.data.some((b) => {
        const rs = results(b);
        return rs.some((a) =>
          rs.some((c) => a[dim] !== c[dim] && ALL_COMPLETION_DIMS.every((d) => d === dim || a[d] === c[d])),
        );
      });
    expect(differsIn('batch')).toBe(true);
    expect(differsIn('service_tier')).toBe(true);
    expect(body.data).toEqual(
      sim.truth.admin.usage('completions', iso(TODAY - 6), iso(TODAY + 1), ALL_COMPLETION_DIMS),
    );
  });

  it('given no group_by, then each bucket has at most one result, all dimensions null, summing the grouped rows', async () => {
    const start = (TODAY - 6) * DAY;
    const plain = await page(`usage/completions?start_time=${start}`);
    const grouped = await page(
      `usage/completions?start_time=${start}&group_by[]=project_id&group_by[]=model`,
    );
    plain.data.forEach((bucket, i) => {
      const rs = results(bucket);
      expect(rs.length).toBeLessThanOrEqual(1);
      for (const d of ALL_COMPLETION_DIMS) expect(rs[0]?.[d] ?? null).toBeNull();
      const sum = results(grouped.data[i] as Bucket).reduce((n, r) => n + (r['input_tokens'] as number), 0);
      expect(rs[0]?.['input_tokens'] ?? 0).toBe(sum);
    });
  });

  it('follows next_page to every day from start_time to now, ascending, empty before the data window', async () => {
    const first = TODAY - 40;
    const pages = await allPages(`usage/embeddings?start_time=${first * DAY}&limit=7&group_by=project_id`);
    const buckets = pages.flatMap((p) => p.data);
    expect(buckets.map((b) => b.start_time)).toEqual(Array.from({ length: 41 }, (_, i) => (first + i) * DAY));
    expect(buckets.every((b) => b.end_time === b.start_time + DAY && b.object === 'bucket')).toBe(true);
    expect(pages.at(-1)?.has_more).toBe(false);
    expect(pages.slice(0, -1).every((p) => p.has_more && p.data.length === 7)).toBe(true);
    expect(buckets.slice(0, 10).every((b) => results(b).length === 0)).toBe(true);
    expect(buckets).toEqual(sim.truth.admin.usage('embeddings', iso(first), iso(TODAY + 1), ['project_id']));
  });

  it('filters by project_ids in both the repeated and the [] form', async () => {
    const project = sim.truth.admin.projects(true)[0]?.id ?? '';
    const start = (TODAY - 13) * DAY;
    for (const param of ['project_ids', 'project_ids[]']) {
      const body = await page(
        `usage/code_interpreter_sessions?start_time=${start}&limit=14&group_by=project_id&${param}=${project}`,
      );
      const rows = body.data.flatMap(results);
      expect(rows.length).toBeGreaterThan(0);
      expect(
        rows.every(
          (r) =>
            r['project_id'] === project &&
            r['object'] === 'organization.usage.code_interpreter_sessions.result',
        ),
      ).toBe(true);
    }
  });

  it.each([
    ['usage/completions', 31],
    ['costs', 180],
  ])('caps limit for %s at %i buckets: one more is a 400 OpenAI-style error', async (path, max) => {
    const start = (TODAY - 200) * DAY;
    expect((await page(`${path}?start_time=${start}&limit=${max}`)).data).toHaveLength(max);
    const res = await get(
      `${sim.adminBaseUrl}/organization/${path}?start_time=${start}&limit=${max + 1}`,
      sim.keys.admin,
    );
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      error: { type: 'invalid_request_error', param: 'limit', code: null },
    });
  });

  it.each([
    ['usage/completions?limit=2', 'start_time'],
    [`usage/completions?start_time=${TODAY * DAY}&group_by=size`, 'group_by'],
    [`usage/code_interpreter_sessions?start_time=${TODAY * DAY}&group_by=model`, 'group_by'],
    [`usage/completions?start_time=${TODAY * DAY}&bucket_width=1w`, 'bucket_width'],
    [`costs?start_time=${TODAY * DAY}&page=garbage`, 'page'],
  ])('rejects %s with a 400 naming %s', async (path, param) => {
    const res = await get(`${sim.adminBaseUrl}/organization/${path}`, sim.keys.admin);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { param } });
  });
});

describe('costs', () => {
  it('serves fractional USD amounts grouped by project and line item, matching the truth', async () => {
    const start = (TODAY - 9) * DAY;
    const body = await page(
      `costs?start_time=${start}&end_time=${(TODAY - 2) * DAY}&group_by=project_id&group_by=line_item&limit=30`,
    );
    expect(body.data).toHaveLength(7);
    const rows = body.data.flatMap(results);
    expect(rows.some((r) => !Number.isInteger((r['amount'] as { value: number }).value))).toBe(true);
    expect(rows.every((r) => r['object'] === 'organization.costs.result' && r['api_key_id'] === null)).toBe(
      true,
    );
    expect(rows.every((r) => typeof r['line_item'] === 'string' && typeof r['project_id'] === 'string')).toBe(
      true,
    );
    expect(body.data).toEqual(
      sim.truth.admin.costs(iso(TODAY - 9), iso(TODAY - 2), ['project_id', 'line_item']),
    );
  });
});

describe('paging faults', () => {
  const path = `usage/completions?start_time=${(TODAY - 20) * DAY}&limit=7`;

  it('given repeat_cursor, then the second next_page equals the token just sent', async () => {
    sim.faults.add({ kind: 'repeat_cursor', route: 'admin_usage_completions' });
    const first = await page(path);
    const token = first.next_page ?? '';
    const second = await page(`${path}&page=${encodeURIComponent(token)}`);
    expect(second.next_page).toBe(token);
    expect(second.has_more).toBe(true);
  });

  it('given empty_pages count 2, then two empty has_more pages come first and every bucket still arrives', async () => {
    sim.faults.add({ kind: 'empty_pages', route: 'admin_usage_completions', count: 2 });
    const pages = await allPages(path);
    expect(pages.slice(0, 2).map((p) => [p.data.length, p.has_more])).toEqual([
      [0, true],
      [0, true],
    ]);
    expect(pages.flatMap((p) => p.data)).toHaveLength(21);
  });

  it('given malformed_envelope, then a 200 arrives without data and has_more', async () => {
    sim.faults.add({ kind: 'malformed_envelope', route: 'admin_costs' });
    const body = (await page(`costs?start_time=${TODAY * DAY}`)) as unknown as Record<string, unknown>;
    expect(body).not.toHaveProperty('data');
    expect(body).not.toHaveProperty('has_more');
  });
});

describe("bucketArrayKey 'result'", () => {
  it('serves the schema spelling `result` instead of `results`', async () => {
    const other = await startSimulator({ now: () => NOW, bucketArrayKey: 'result' });
    try {
      const res = await get(
        `${other.adminBaseUrl}/organization/usage/completions?start_time=${(TODAY - 3) * DAY}`,
        other.keys.admin,
      );
      const body = res.json() as Page;
      expect(body.data.every((b) => Array.isArray(b['result']) && !('results' in b))).toBe(true);
      expect(body.data.some((b) => (b['result'] as unknown[]).length > 0)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
