// HTTP answers → SourceError, with a message that says what happened and what to do. Error bodies come in
// several styles: read `error.message`, then `detail` (string or FastAPI list), then `message`, then the text.
import { SourceError, type FailureType } from '../engine/errors.js';
import { policyFor } from '../engine/status-policy.js';
import type { KeyContext } from './http.js';

export function errorMessageFromBody(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text.trim().slice(0, 300);
  }
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const error = body.error as Record<string, unknown> | undefined;
  if (typeof error?.message === 'string') return error.message;
  if (typeof body.detail === 'string') return body.detail;
  if (Array.isArray(body.detail)) {
    return body.detail
      .map((d: { loc?: unknown[]; msg?: unknown }) => `${(d.loc ?? []).join('.')}: ${String(d.msg ?? '')}`)
      .join('; ');
  }
  if (typeof body.message === 'string') return body.message;
  return text.trim().slice(0, 300);
}

/** A longer Retry-After is taken as 5 minutes: a server that asks for a day would otherwise park the sync. */
export const RETRY_AFTER_CAP_MS = 300_000;

export function parseRetryAfter(
  value: string | string[] | undefined,
  nowMs = Date.now(),
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(raw) - nowMs;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), RETRY_AFTER_CAP_MS);
}

/** What to tell the user; whether it is theirs to fix (failure_type) is the status table's call. */
function hint(status: number, auth: KeyContext): { failureType: FailureType; text: string } {
  const { failureType } = policyFor(status);
  if (status === 401)
    return {
      failureType,
      text: `${auth.keyName} was rejected (401): it is wrong, expired or revoked; create a new key and update ${auth.keyName}.`,
    };
  if (status === 403)
    return {
      failureType,
      text: `${auth.keyName} lacks permission (403): give the key the needed scope, or use a key of this workspace or organization.`,
    };
  if (status === 404)
    return {
      failureType,
      text: 'not found (404): check workspace_ids (an unknown workspace, or a plan without this API).',
    };
  if (status === 429)
    return { failureType, text: 'rate limited (429): lower max_requests_per_minute if this persists.' };
  if (status >= 500)
    return {
      failureType,
      text: `the API failed (${status}); this is usually temporary: run the sync again.`,
    };
  return { failureType, text: `the API refused the request (${status}).` };
}

export function errorForStatus(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  bodyText: string,
  what: string,
  auth: KeyContext,
): SourceError {
  if (status >= 300 && status < 400) {
    return new SourceError(
      `${auth.api} ${what} answered a redirect (${status}); refused, so the key never leaves its own host.`,
      {
        code: 'REDIRECT_REFUSED',
        failureType: 'system_error',
        status,
      },
    );
  }
  const h = hint(status, auth);
  const detail = errorMessageFromBody(bodyText);
  return new SourceError(`${auth.api} ${what}: ${h.text}${detail ? ` The API said: ${detail}` : ''}`, {
    code: `HTTP_${status}`,
    failureType: h.failureType,
    status,
    retryAfterMs: status === 429 || status === 503 ? parseRetryAfter(headers['retry-after']) : undefined,
  });
}

export function networkError(error: unknown, what: string): SourceError {
  const code = (error as { code?: string }).code ?? 'NETWORK';
  const timeout = /TIMEOUT/.test(code);
  const text = timeout
    ? 'timed out (raise request_timeout_seconds if the API is slow)'
    : `failed on the network (${code})`;
  return new SourceError(`${what} ${text}.`, {
    code,
    failureType: 'transient_error',
    retryable: true,
    cause: error,
  });
}
