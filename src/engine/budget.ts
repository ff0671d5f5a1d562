// A client-side request budget: at most `perMinute` requests in any sliding 60-second window per key
// (workspace and route), so a sync stays under the API's 100/min and never provokes a 429 storm.
// A request is booked when it is sent, but the API counts it when it arrives, and the first request of a
// burst arrives later than the rest (it opens the connection). So a slot is given back only a margin after
// the minute: without it, the bench saw the API count 21 requests in a minute against a budget of 20.
import { waitNote } from './retry.js';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const WINDOW_MS = 60_000;
/** Slack for the difference in transit time between the first and the last request of a window. */
export const MARGIN_MS = 2_000;

export class RequestBudget {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
    /** Told of a wait longer than LONG_WAIT_MS, so the pause shows in the log. */
    private readonly log?: (message: string) => void,
  ) {}

  /** Resolves when one more request under `key` fits in the budget, and books it. */
  async acquire(key: string): Promise<void> {
    const times = this.sent.get(key) ?? [];
    this.sent.set(key, times);
    for (;;) {
      const now = this.clock.now();
      while (times.length > 0 && (times[0] ?? 0) <= now - WINDOW_MS - MARGIN_MS) times.shift();
      if (times.length < this.perMinute) {
        times.push(now);
        return;
      }
      const waitMs = (times[0] ?? now) + WINDOW_MS + MARGIN_MS - now;
      const note = waitNote(waitMs, `max_requests_per_minute is ${this.perMinute}`, () => now);
      if (note !== '') this.log?.(`Request budget used up for ${key}${note}.`);
      await this.clock.sleep(waitMs);
    }
  }
}
