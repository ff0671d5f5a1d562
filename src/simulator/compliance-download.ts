// GET /signed/{workspace}/{file id} on the files host: streams a log file with backpressure, and plays the
// download faults. `truncated_download` answers with chunked encoding and ends cleanly after half the
// bytes, so the client sees a short but well-formed body; `reset_download` declares the full
// Content-Length and destroys the socket after half the bytes, so the client sees a network error.
import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { fileChunks } from './compliance-content.js';
import { decodeFileId, endUsOf, isListed, type FileRef } from './compliance-files.js';
import { checkSignature, sendStorageError } from './compliance-signed.js';
import { digestOf, isMalformed, takeMalformedFault, type ComplianceState } from './compliance-state.js';
import { logFileName } from './compliance-time.js';
import type { Route, SimRequest } from './types.js';

const RESET_DELAY_MS = 20;

export function logFileRoute(state: ComplianceState): Route {
  return {
    name: 'log_file',
    host: 'files',
    method: 'GET',
    // Group names other than workspace_id: the storage host knows nothing of workspaces, so the core must
    // not answer 404 for them; a wrong workspace simply fails the signature.
    pattern: /^\/signed\/(?<ws>[^/]+)\/(?<file>[^/]+)$/,
    scope: null,
    handle: (req, res) => serveFile(state, req, res),
  };
}

async function serveFile(state: ComplianceState, req: SimRequest, res: ServerResponse): Promise<void> {
  const { ctx } = state;
  if (req.raw.headers.authorization !== undefined) {
    return sendStorageError(res, 400, 'InvalidArgument', 'Only one auth mechanism allowed: the signed URL.');
  }
  const workspaceId = safeDecode(req.params.ws ?? '');
  const fileId = req.params.file ?? '';
  const check = checkSignature(state, workspaceId, fileId, req.url);
  if (check === 'bad_signature') {
    return sendStorageError(res, 403, 'AuthenticationFailed', 'Signature did not match the request.');
  }
  if (check === 'expired' || ctx.faults.take('log_file', 'expired_url', fileId)) {
    return sendStorageError(res, 403, 'AuthenticationFailed', 'Signature not valid in this time frame.');
  }
  const ref = decodeFileId(ctx.seed, workspaceId, fileId);
  if (!ref || !isListed(ctx, ref)) {
    return sendStorageError(res, 404, 'BlobNotFound', 'The blob does not exist.');
  }
  takeMalformedFault(state, ref);
  await streamFile(state, ref, fileId, res);
}

async function streamFile(
  state: ComplianceState,
  ref: FileRef,
  fileId: string,
  res: ServerResponse,
): Promise<void> {
  const { ctx } = state;
  const corrupt = ctx.faults.take('log_file', 'sha_mismatch', fileId) !== undefined;
  const truncate = ctx.faults.take('log_file', 'truncated_download', fileId) !== undefined;
  const reset = !truncate && ctx.faults.take('log_file', 'reset_download', fileId) !== undefined;
  const { size } = digestOf(state, ref);
  const headers: Record<string, string | number> = {
    'content-type': 'application/x-ndjson',
    'content-disposition': `attachment; filename="${logFileName(ref.eventType, endUsOf(ctx, ref))}"`,
  };
  if (!truncate) headers['content-length'] = size;
  res.writeHead(200, headers);
  const limit = truncate || reset ? Math.floor(size / 2) : Infinity;
  const chunks = fileChunks(ctx, ref, { malformed: isMalformed(state, ref), corrupt });
  const complete = await writeChunks(res, chunks, limit);
  if (!complete) return;
  if (!reset) return void res.end();
  // Let the client take in the headers and the first bytes, so the failure lands mid-body.
  await delay(RESET_DELAY_MS);
  res.destroy();
}

/** Writes until `limit` bytes, waiting for 'drain' when the socket is full; false if the client left. */
async function writeChunks(res: ServerResponse, chunks: Iterable<Buffer>, limit: number): Promise<boolean> {
  let sent = 0;
  for (const chunk of chunks) {
    if (res.destroyed) return false;
    const part = sent + chunk.length > limit ? chunk.subarray(0, limit - sent) : chunk;
    sent += part.length;
    if (part.length > 0 && !res.write(part)) await drainOrClose(res);
    if (sent >= limit) break;
  }
  if (sent > 0 && res.writableNeedDrain) await drainOrClose(res);
  return !res.destroyed;
}

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** A bad percent-escape is just a path that fails the signature, not a server error. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
