// admin_bucket_width end to end: hourly and per-minute Admin usage, each bucket its own record and id, the
// same totals as the daily buckets, the spec's page limit per width, a day cursor that resumes safely, and
// costs still daily.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalStates, harness, recordsOf, todayPlus, type Harness, type Json } from '../helpers/sim.js';

const STREAM = 'organization_completions_usage';
const T0 = Date.now();
let h: Harness;
beforeAll(async () => {
  h = await harness({ now: () => T0, projects: 3, rateLimitPerMinute: 100_000 });
});
afterAll(async () => h.close());

const config = (o: Json) =>
  h.config({
    workspace_ids: undefined,
    analytics_api_key: undefined,
    compliance_api_key: undefined,
    start_date: todayPlus(-2),
    ...o,
  });
const sum = (records: Json[], field: string) => records.reduce((n, r) => n + Number(r[field] ?? 0), 0);
const requests = (route: string) => h.sim.stats.requests.filter((r) => r.route === route);

describe('admin_bucket_width', () => {
  it.each([
    ['1h', 168, 3600],
    ['1m', 1440, 60],
  ])(
    'given %s, reads buckets of that width with limit %i, the same totals as daily, one id each',
    async (width, limit, seconds) => {
      const daily = await h.read([STREAM], { config: config({}), mode: 'full_refresh' });
      h.sim.stats.reset();
      const fine = await h.read([STREAM, 'organization_costs'], {
        config: config({ admin_bucket_width: width }),
        mode: 'full_refresh',
      });
      expect(fine.code, fine.stderr).toBe(0);
      const records = recordsOf(fine, STREAM);
      expect(records.length).toBeGreaterThanOrEqual(recordsOf(daily, STREAM).length);
      expect(records.every((r) => Number(r.end_time) - Number(r.start_time) === seconds)).toBe(true);
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      expect(String(records[0]?.id)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{4}Z:/);
      for (const field of ['input_tokens', 'output_tokens', 'num_model_requests'])
        expect(sum(records, field), field).toBe(sum(recordsOf(daily, STREAM), field));
      const usage = requests('admin_usage_completions');
      expect(usage.every((r) => r.query.bucket_width === width && r.query.limit === String(limit))).toBe(
        true,
      );
      // Costs have only the daily width in the spec.
      expect(requests('admin_costs').every((r) => r.query.bucket_width === '1d')).toBe(true);
    },
  );

  it('given 1h and a saved day cursor, the next sync re-reads that whole day and skips the days before', async () => {
    const first = await h.read([STREAM], { config: config({ admin_bucket_width: '1h', lookback_days: 0 }) });
    expect(first.code, first.stderr).toBe(0);
    const states = finalStates(first);
    const saved = JSON.stringify(states).match(/"date":"(\d{4}-\d{2}-\d{2})"/)?.[1] ?? '';
    // The cursor is the day of the newest bucket emitted: today, except in the first hour of a UTC day, when
    // no hour of today has ended yet and the newest bucket is yesterday's last.
    const newest = recordsOf(first, STREAM)
      .map((r) => String(r.date))
      .sort()
      .at(-1);
    expect(saved).toBe(newest);
    expect([todayPlus(-1), todayPlus(0)]).toContain(saved);
    const second = await h.read([STREAM], {
      config: config({ admin_bucket_width: '1h', lookback_days: 0 }),
      state: states,
    });
    const again = recordsOf(second, STREAM);
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((r) => r.date === saved)).toBe(true);
    const sameDay = recordsOf(first, STREAM).filter((r) => r.date === saved);
    expect(again.map((r) => r.id).sort()).toEqual(sameDay.map((r) => r.id).sort());
  });
});
