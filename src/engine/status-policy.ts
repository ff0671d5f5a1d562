// One status table: what an HTTP status means for every path that can meet it (API pages, probes, log
// downloads), as data. Retry or not, how many attempts, and the Airbyte failure_type a final failure carries
// (401/403/404 are the user's to fix: config_error; 408/429/5xx pass: transient_error; the rest is ours or the
// API's: system_error). The retry loop (retry.ts), the error builders (api/errors.ts, logs/download-verify.ts)
// and the reachability check all read it; none decides on its own.
import type { FailureType } from './errors.js';

export interface StatusPolicy {
  retry: boolean;
  /** Attempts in all, the first included. 429 gets more patience than a 5xx: throttling is the API working. */
  maxAttempts: number;
  failureType: FailureType;
}

/** A 5xx or a broken connection: usually gone within a minute (6 attempts at capped exponential backoff). */
export const TRANSIENT: StatusPolicy = { retry: true, maxAttempts: 6, failureType: 'transient_error' };
/** Throttled (429): the API allows 100 requests a minute per workspace and route, so a wait always ends. */
export const THROTTLED: StatusPolicy = { retry: true, maxAttempts: 12, failureType: 'transient_error' };
/** The key or the config is wrong: retrying cannot help, the user must change something. */
export const USER_FIX: StatusPolicy = { retry: false, maxAttempts: 1, failureType: 'config_error' };
/** The request or the answer is wrong (400, 422, an unexpected status): ours or the API's to fix. */
export const FATAL: StatusPolicy = { retry: false, maxAttempts: 1, failureType: 'system_error' };

/** Where an answer came from: the API itself, or the storage host a log download is redirected to. */
export type StatusSource = 'api' | 'file_host';

export const STATUS_POLICY: Readonly<Record<number, StatusPolicy>> = {
  400: FATAL,
  401: USER_FIX,
  403: USER_FIX,
  404: USER_FIX,
  408: TRANSIENT,
  409: TRANSIENT,
  422: FATAL,
  429: THROTTLED,
  500: TRANSIENT,
  502: TRANSIENT,
  503: TRANSIENT,
  504: TRANSIENT,
};

/**
 * The storage host of a signed log-file URL answers 403 for an expired or rejected signature, not for a key
 * problem (it never sees a key): a fresh redirect from the API fixes it, so it is retried. 401 or 404 there is
 * the API's fault (a bad signature, a file the listing named but the host lacks), not the user's.
 */
const FILE_HOST_POLICY: Readonly<Record<number, StatusPolicy>> = { 401: FATAL, 403: TRANSIENT, 404: FATAL };

export function policyFor(status: number, source: StatusSource = 'api'): StatusPolicy {
  const listed = (source === 'file_host' ? FILE_HOST_POLICY[status] : undefined) ?? STATUS_POLICY[status];
  if (listed) return listed;
  return status >= 500 ? TRANSIENT : FATAL;
}
