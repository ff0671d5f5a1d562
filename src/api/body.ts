// Reading response bodies within limits: a JSON page is read up to max_page_size_mb and no further (a
// 200 MB page fails at the limit while it streams, instead of being held whole), an error body only up to
// the few KB its message needs. The per-request deadline (http.ts) still runs while a body streams.
import { SourceError } from '../engine/errors.js';
import type { HttpResult } from './http.js';

export const MIB = 1024 * 1024;
const MAX_ERROR_BODY = 4096;

type Body = HttpResult['body'];

export function pageTooLarge(what: string, limitBytes: number): SourceError {
  return new SourceError(
    `${what}: the response is larger than max_page_size_mb (${limitBytes / MIB} MB); it was not read further. Lower page_size, or raise max_page_size_mb (up to 256) if pages this large are expected.`,
    { code: 'PAGE_TOO_LARGE', failureType: 'system_error' },
  );
}

/** A body cut short (the connection closed early) is transient: the same request usually succeeds next time. */
export function notJson(what: string, bytes: number): SourceError {
  return new SourceError(`${what}: the response body is not complete JSON (${bytes} bytes).`, {
    code: 'BODY_NOT_JSON',
    failureType: 'transient_error',
    retryable: true,
  });
}

/** The body's bytes, failing as soon as they pass `limitBytes` (a declared Content-Length is checked first). */
export async function readCapped(res: HttpResult, limitBytes: number, what: string): Promise<Buffer> {
  const declared = Number(res.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    res.body.destroy();
    throw pageTooLarge(what, limitBytes);
  }
  // With a declared length the body is copied into one buffer as it arrives: a page of tens of MB is never
  // held twice. A body longer than it said (the HTTP client normally refuses one) keeps every byte all the same.
  let out = Number.isFinite(declared) && declared > 0 ? Buffer.allocUnsafe(declared) : undefined;
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    if (bytes + chunk.length > limitBytes) {
      res.body.destroy();
      throw pageTooLarge(what, limitBytes);
    }
    if (out !== undefined && bytes + chunk.length <= out.length) chunk.copy(out, bytes);
    else {
      if (out !== undefined) chunks.push(out.subarray(0, bytes));
      out = undefined;
      chunks.push(chunk);
    }
    bytes += chunk.length;
  }
  return out !== undefined ? out.subarray(0, bytes) : Buffer.concat(chunks);
}

/** The first few KB of an error body (all an error message needs); '' if it cannot be read. */
export async function readErrorBody(body: Body): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes >= MAX_ERROR_BODY) break;
    }
  } catch {
    return '';
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY);
}
