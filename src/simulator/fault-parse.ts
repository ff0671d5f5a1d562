// Faults written on the command line:
//
//   <kind>:<route>[:<status>][:<name>=<value>]...
//
//   kind    any FaultKind (status, reset, truncate, latency, revoke_key, repeat_cursor, empty_pages, …)
//   route   a route name (usage, code_reviews, logs, log_download, …) or * for every route
//   status  an HTTP status, for kind `status` (default 500)
//   times=N       requests affected (default 1); times=inf for every one
//   after=N       matching requests to let through first (default 0)
//   ms=N          delay for `latency`
//   count=N       empty pages for `empty_pages`
//   retry_after=S Retry-After for 429/503: seconds, `none` for no header, or `date+S` for an HTTP date S s ahead
//   file=ID       restrict a download fault to one log file id
//
// e.g. status:usage:503:times=3   status:*:429:retry_after=2   latency:*:ms=200:times=inf   empty_pages:usage:count=3
import type { FaultKind, FaultSpec } from './types.js';

const KINDS: readonly FaultKind[] = [
  'status',
  'reset',
  'truncate',
  'latency',
  'revoke_key',
  'repeat_cursor',
  'empty_pages',
  'malformed_envelope',
  'null_last_end_time',
  'sha_mismatch',
  'expired_url',
  'truncated_download',
  'reset_download',
  'malformed_line',
];

function count(text: string, name: string, value: string, allowInf = false): number {
  if (allowInf && value === 'inf') return Infinity;
  if (!/^\d+$/.test(value))
    throw new Error(`fault "${text}": ${name} must be a whole number, got "${value}"`);
  return Number(value);
}

function retryAfter(value: string, now: number): string | null {
  if (value === 'none') return null;
  const ahead = /^date\+(\d+)$/.exec(value);
  return ahead ? new Date(now + Number(ahead[1]) * 1000).toUTCString() : value;
}

function applyOption(spec: FaultSpec, text: string, part: string, now: number): void {
  const eq = part.indexOf('=');
  const [name, value] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
  if (name === 'times') spec.times = count(text, name, value, true);
  else if (name === 'after') spec.after = count(text, name, value);
  else if (name === 'ms') spec.ms = count(text, name, value);
  else if (name === 'count') spec.count = count(text, name, value);
  else if (name === 'retry_after') spec.retryAfter = retryAfter(value, now);
  else if (name === 'file') spec.fileId = value;
  else if (/^\d{3}$/.test(part)) spec.status = Number(part);
  else throw new Error(`fault "${text}": unknown part "${part}"`);
}

export function parseFault(text: string, now: number = Date.now()): FaultSpec {
  const [kind, route, ...options] = text.split(':');
  if (!KINDS.includes(kind as FaultKind)) {
    throw new Error(`fault "${text}": kind must be one of ${KINDS.join(', ')}`);
  }
  if (route === undefined || route === '') throw new Error(`fault "${text}": name a route, or * for all`);
  const spec: FaultSpec = { kind: kind as FaultKind, route };
  for (const part of options) applyOption(spec, text, part, now);
  return spec;
}
