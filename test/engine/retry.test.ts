import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/engine/errors.js';
import { backoffMs, withRetry } from '../../src/engine/retry.js';

function harness() {
  const sleeps: number[] = [];
  const logs: string[] = [];
  return {
    sleeps,
    logs,
    deps: {
      sleep: async (ms: number) => void sleeps.push(ms),
      log: (m: string) => void logs.push(m),
      random: () => 0.5,
    },
  };
}

const http = (status: number, retryAfterMs?: number) =>
  new SourceError(`HTTP ${status}`, {
    code: `HTTP_${status}`,
    failureType: 'transient_error',
    status,
    retryAfterMs,
  });

describe('withRetry', () => {
  it('given a 429 with Retry-After 2 s, when retrying, then it waits exactly 2 s and logs the retry', async () => {
    const h = harness();
    let calls = 0;
    const result = await withRetry(
      'GET /usage',
      async () => {
        calls++;
        if (calls === 1) throw http(429, 2000);
        return 'ok';
      },
      h.deps,
    );
    expect(result).toBe('ok');
    expect(h.sleeps).toEqual([2000]);
    expect(h.logs[0]).toMatch(/Retrying GET \/usage in 2\.0 s \(attempt 2 of 12\)/);
  });

  it('given 503 then 502 then success, then backoff grows exponentially', async () => {
    const h = harness();
    let calls = 0;
    await withRetry(
      'x',
      async () => {
        calls++;
        if (calls <= 2) throw http(calls === 1 ? 503 : 502);
        return 1;
      },
      { ...h.deps, baseDelayMs: 100 },
    );
    expect(h.sleeps).toEqual([75, 150]);
  });

  it.each([400, 401, 403, 404, 422])('given %i, then it does not retry', async (status) => {
    const h = harness();
    let calls = 0;
    await expect(
      withRetry(
        'x',
        async () => {
          calls++;
          throw http(status);
        },
        h.deps,
      ),
    ).rejects.toMatchObject({ status });
    expect(calls).toBe(1);
  });

  it('given a network error, then it retries up to 6 attempts and then throws', async () => {
    const h = harness();
    let calls = 0;
    const reset = new SourceError('reset', {
      code: 'ECONNRESET',
      failureType: 'transient_error',
      retryable: true,
    });
    await expect(
      withRetry(
        'x',
        async () => {
          calls++;
          throw reset;
        },
        { ...h.deps, baseDelayMs: 1 },
      ),
    ).rejects.toBe(reset);
    expect(calls).toBe(6);
  });

  it('caps the backoff', () => {
    expect(backoffMs(30, { sleep: async () => {}, log: () => {}, random: () => 1, maxDelayMs: 5000 })).toBe(
      5000,
    );
  });
});
