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
