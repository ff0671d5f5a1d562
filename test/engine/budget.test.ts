import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../src/engine/budget.js';

describe('RequestBudget', () => {
  it('given 3 per minute, when 7 requests are made, then no 60 s window ever holds more than 3', async () => {
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    const budget = new RequestBudget(3, clock);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await budget.acquire('ws|/usage');
      times.push(now);
    }
    expect(times).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
    for (const t of times)
      expect(times.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(3);
  });

  it('keeps separate budgets per key', async () => {
    let now = 0;
    const budget = new RequestBudget(1, { now: () => now, sleep: async (ms) => void (now += ms) });
    await budget.acquire('a');
    await budget.acquire('b');
    expect(now).toBe(0);
  });
});
