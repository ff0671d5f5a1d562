// Retries as data: a table from status to action, one loop that honours Retry-After, capped exponential
// backoff with full jitter, and a log line per retry.
import { SourceError } from './errors.js';

export interface RetryAction {
  retry: boolean;
  /** 429 gets more patience than a 5xx: being throttled is the API working as designed. */
  maxAttempts: number;
}

const NO_RETRY: RetryAction = { retry: false, maxAttempts: 1 };
const TRANSIENT: RetryAction = { retry: true, maxAttempts: 6 };
const THROTTLED: RetryAction = { retry: true, maxAttempts: 12 };

export const RETRY_POLICY: Readonly<Record<number, RetryAction>> = {
  400: NO_RETRY,
  401: NO_RETRY,
  403: NO_RETRY,
  404: NO_RETRY,
  408: TRANSIENT,
  409: TRANSIENT,
  422: NO_RETRY,
  429: THROTTLED,
  500: TRANSIENT,
  502: TRANSIENT,
  503: TRANSIENT,
  504: TRANSIENT,
};

export function actionFor(error: SourceError): RetryAction {
  if (error.status !== undefined) {
    const listed = RETRY_POLICY[error.status];
    if (listed) return listed;
    if (error.status >= 500) return TRANSIENT;
    return NO_RETRY;
  }
  return error.retryable ? TRANSIENT : NO_RETRY;
}

export interface RetryDeps {
  sleep(ms: number): Promise<void>;
  /** For the "waiting until" of long waits; Date.now when absent. */
  now?: () => number;
  log(message: string): void;
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export function backoffMs(attempt: number, deps: RetryDeps): number {
  const base = deps.baseDelayMs ?? 1000;
  const cap = deps.maxDelayMs ?? 60_000;
  const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (deps.random ?? Math.random)() * (ceiling / 2));
}

/** Runs `attemptFn` until it succeeds, the policy says stop, or attempts run out. */
export async function withRetry<T>(what: string, attemptFn: () => Promise<T>, deps: RetryDeps): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptFn();
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      const action = actionFor(error);
      if (!action.retry || attempt >= action.maxAttempts) throw error;
      const waitMs = error.retryAfterMs ?? backoffMs(attempt, deps);
      const why = error.retryAfterMs !== undefined ? "the API's Retry-After" : 'backoff';
      deps.log(
        `Retrying ${what} in ${(waitMs / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${action.maxAttempts})${waitNote(waitMs, why, deps.now)}: ${error.message}`,
      );
      await deps.sleep(waitMs);
    }
  }
}

/** Waits longer than this are logged with the time they end, so a silent pause never looks like a hang. */
export const LONG_WAIT_MS = 10_000;

/** "; waiting until 2026-12-03T08:41:10Z (the API's Retry-After)" for a long wait, else nothing. */
export function waitNote(waitMs: number, why: string, now: () => number = Date.now): string {
  if (waitMs <= LONG_WAIT_MS) return '';
  const until = new Date(now() + waitMs).toISOString().replace(/\.\d+Z$/, 'Z');
  return `; waiting until ${until} (${why})`;
}
