// Retries as data: the status table (status-policy.ts) says what to retry, and this one loop honours
// Retry-After, backs off exponentially (capped, full jitter) and logs a line per retry.
import { SourceError } from './errors.js';
import { FATAL, policyFor, TRANSIENT, type StatusPolicy } from './status-policy.js';

/** What to do about a failed attempt: the status table's answer (status-policy.ts). */
export function actionFor(error: SourceError): StatusPolicy {
  if (error.status !== undefined) return policyFor(error.status);
  // No status: a network error, a bad transfer or a file-host answer, whose builder decided `retryable` from
  // the same table (logs/download-verify.ts) or knows it is transient (a reset, a deadline).
  return error.retryable ? TRANSIENT : FATAL;
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

/** First backoff without Retry-After; it doubles per attempt (with jitter) up to the cap. */
export const BACKOFF_BASE_MS = 1000;
/** Longest backoff: the API's rate limit is per minute, so a minute's wait always clears it. */
export const BACKOFF_CAP_MS = 60_000;

export function backoffMs(attempt: number, deps: RetryDeps): number {
  const base = deps.baseDelayMs ?? BACKOFF_BASE_MS;
  const cap = deps.maxDelayMs ?? BACKOFF_CAP_MS;
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
