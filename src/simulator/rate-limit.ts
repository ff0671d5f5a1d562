// The real APIs allow 100 requests per minute per workspace and route; this is a sliding one-minute window.
const WINDOW_MS = 60_000;

export interface RateLimiter {
  /** Count a request under `key`; 0 if allowed, else the seconds to wait before the window has room. */
  admit(key: string): number;
}

export function createRateLimiter(limit: number, clock: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    admit(key) {
      const now = clock();
      const recent = (hits.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
      hits.set(key, recent);
      const oldest = recent[0];
      if (recent.length >= limit && oldest !== undefined) {
        return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
      }
      recent.push(now);
      return 0;
    },
  };
}
