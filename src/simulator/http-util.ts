// Small response helpers shared by the simulator's route modules.
import type { ServerResponse } from 'node:http';
import type { SimHost } from './types.js';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The error body each real host uses: `{"detail": …}` on api.chatgpt.com, OpenAI style on api.openai.com. */
export function sendError(
  res: ServerResponse,
  host: SimHost,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (host === 'admin') {
    const type =
      status === 401 ? 'invalid_request_error' : status === 429 ? 'rate_limit_exceeded' : 'api_error';
    sendJson(res, status, { error: { message, type, param: null, code: null } }, headers);
  } else {
    sendJson(res, status, { detail: message }, headers);
  }
}

/** FastAPI-style 422 for an invalid query parameter (api host); OpenAI answers 400 (admin host). */
export function sendValidationError(res: ServerResponse, host: SimHost, param: string, msg: string): void {
  if (host === 'admin') {
    sendJson(res, 400, { error: { message: msg, type: 'invalid_request_error', param, code: null } });
  } else {
    sendJson(res, 422, { detail: [{ loc: ['query', param], msg, type: 'value_error' }] });
  }
}

/** Opaque page tokens: clients must pass them back unchanged and never parse them. */
export function encodeCursor(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...value })).toString('base64url');
}

export function decodeCursor(token: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Parse an integer query parameter within [min, max]; undefined if absent, null if invalid. */
export function intParam(url: URL, name: string, min: number, max: number): number | undefined | null {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^-?\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}
