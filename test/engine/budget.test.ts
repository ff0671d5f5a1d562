import { describe, expect, it } from 'vitest';
import { MARGIN_MS, RequestBudget } from '../../src/engine/budget.js';

describe('RequestBudget', () => {
  it('given 3 per minute, when 7 requests are made, then no 60 s window ever holds more than 3, even with transit time off by the margin', async () => {
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    const budget = new RequestBudget(3, clock);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await budget.acquire('ws|/usage');
      times.push(now);
    }
    const minute = 60_000 + MARGIN_MS;
    expect(times).toEqual([0, 0, 0, minute, minute, minute, 2 * minute]);
    // The API counts arrivals. The very first request arrives 1.5 s late (it opened the connection); with no
    // margin, requests 4-6 would then land in the same API minute as it.
    const arrivals = times.map((t, i) => (i === 0 ? t + 1_500 : t));
    for (const t of arrivals)
      expect(arrivals.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(3);
  });

  it('keeps separate budgets per key', async () => {
    let now = 0;
    const budget = new RequestBudget(1, { now: () => now, sleep: async (ms) => void (now += ms) });
    await budget.acquire('a');
    await budget.acquire('b');
    expect(now).toBe(0);
  });
});

describe('the default budget against the API limit', () => {
  it('given the default of 100 a minute and the API counting 100 a minute on arrival, then 350 requests draw no 429 even when each arrives up to 1.9 s late', async () => {
    const { parseConfig } = await import('../../src/config/load.js');
    const { createRateLimiter } = await import('../../src/simulator/rate-limit.js');
    const perMinute = parseConfig({ analytics_api_key: 'k', workspace_ids: [WS] }).max_requests_per_minute;
    expect(perMinute).toBe(100);
    let now = 0;
    const budget = new RequestBudget(perMinute, { now: () => now, sleep: async (ms) => void (now += ms) });
    let arrival = 0;
    const api = createRateLimiter(100, () => arrival);
    const refused: number[] = [];
    for (let i = 0; i < 350; i++) {
      await budget.acquire('ws|/logs/{id}');
      // Transit varies from 0 to 1.9 s (the first of each window the latest), arrivals in order.
      arrival = Math.max(arrival, now + (i % 100 === 0 ? 1_900 : (i * 37) % 1_900));
      if (api.admit('ws|log_download') > 0) refused.push(i);
    }
    expect(refused).toEqual([]);
    // and the budget costs no more than the margin: 350 requests in 3 windows of 62 s
    expect(now).toBe(3 * (60_000 + MARGIN_MS));
  });
});

const WS = '00000000-0000-4000-8000-000000000001';
