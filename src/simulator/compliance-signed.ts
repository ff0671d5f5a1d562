// Signed download URLs on the files host, which behaves like a cloud storage host: the signature in the
// query string is the only credential, it expires after five minutes, and an Authorization header is
// rejected outright (a connector must never forward its API key there).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { fileIdOf, type FileRef } from './compliance-files.js';
import type { ComplianceState } from './compliance-state.js';

export const URL_LIFETIME_S = 300;

function signature(state: ComplianceState, workspaceId: string, fileId: string, expires: string): string {
  return createHmac('sha256', state.urlKey)
    .update(`${workspaceId}\n${fileId}\n${expires}`)
    .digest('base64url');
}

export function signedUrl(state: ComplianceState, ref: FileRef): string {
  const { ctx } = state;
  const fileId = fileIdOf(ctx.seed, ref);
  const expires = String(Math.floor(ctx.now() / 1000) + URL_LIFETIME_S);
  const sig = signature(state, ref.workspaceId, fileId, expires);
  const path = `/signed/${encodeURIComponent(ref.workspaceId)}/${fileId}`;
  return `${ctx.origins.files}${path}?expires=${expires}&sig=${sig}`;
}

export type SignatureCheck = 'valid' | 'bad_signature' | 'expired';

export function checkSignature(
  state: ComplianceState,
  workspaceId: string,
  fileId: string,
  url: URL,
): SignatureCheck {
  const expires = url.searchParams.get('expires') ?? '';
  const given = Buffer.from(url.searchParams.get('sig') ?? '');
  const wanted = Buffer.from(signature(state, workspaceId, fileId, expires));
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'bad_signature';
  return Number(expires) * 1000 < state.ctx.now() ? 'expired' : 'valid';
}

/** Storage-host error bodies are XML, not the API's JSON. */
export function sendStorageError(res: ServerResponse, status: number, code: string, message: string): void {
  const body =
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
