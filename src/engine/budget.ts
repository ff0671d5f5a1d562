// A client-side request budget: at most `perMinute` requests in any sliding 60-second window per key
// (workspace and route), so a sync stays under the API's 100/min and never provokes a 429 storm.
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export class RequestBudget {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Resolves when one more request under `key` fits in the budget, and books it. */
  async acquire(key: string): Promise<void> {
    const times = this.sent.get(key) ?? [];
    this.sent.set(key, times);
    for (;;) {
      const now = this.clock.now();
      while (times.length > 0 && (times[0] ?? 0) <= now - 60_000) times.shift();
      if (times.length < this.perMinute) {
        times.push(now);
        return;
      }
      await this.clock.sleep((times[0] ?? now) + 60_000 - now);
    }
  }
}
