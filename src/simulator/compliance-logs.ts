// GET /v1/compliance/workspaces/{id}/logs (the file listing) and /logs/{file id} (the 307 to a signed URL).
import type { ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  decodeFileId,
  DOCUMENTED_EVENT_TYPES,
  fileRefsIn,
  isListed,
  isWorkspaceFileType,
  type FileWindow,
  type LogEventType,
} from './compliance-files.js';
import { signedUrl } from './compliance-signed.js';
import {
  fileEntry,
  takeMalformedFault,
  type ComplianceState,
  type LogFileEntry,
} from './compliance-state.js';
import { parseIsoMicros } from './compliance-time.js';
import { intParam, sendError, sendJson, sendValidationError } from './http-util.js';
import type { Route, SimRequest } from './types.js';

const WORKSPACE = '^/v1/compliance/workspaces/(?<workspace_id>[^/]+)';

/** Whose logs a request lists: a workspace, or (compliance-org-logs.ts) an organization. */
export interface LogScope {
  id: string;
  /** Event types the API accepts at this scope. */
  accepted: readonly string[];
  /** Whether a type holds files at this scope (the others answer an empty listing). */
  holdsFiles(type: string): type is LogEventType;
}

const workspaceScope = (req: SimRequest): LogScope => ({
  id: req.params.workspace_id ?? '',
  accepted: DOCUMENTED_EVENT_TYPES,
  holdsFiles: isWorkspaceFileType,
});

export function logsRoute(state: ComplianceState): Route {
  return {
    name: 'logs',
    host: 'api',
    method: 'GET',
    pattern: new RegExp(`${WORKSPACE}/logs$`),
    scope: 'compliance',
    handle: (req, res) => listLogs(state, workspaceScope(req), req, res),
  };
}

export function logDownloadRoute(state: ComplianceState): Route {
  return {
    name: 'log_download',
    host: 'api',
    method: 'GET',
    pattern: new RegExp(`${WORKSPACE}/logs/(?<log_file_id>[^/]+)$`),
    scope: 'compliance',
    handle: (req, res) => redirectToFile(state, workspaceScope(req).id, req, res),
  };
}

interface LogsQuery {
  eventType: string;
  after: string;
  window: FileWindow;
}

/** Validates like the real API (FastAPI 422s); undefined after answering the error. */
function parseQuery(url: URL, res: ServerResponse, accepted: readonly string[]): LogsQuery | undefined {
  const eventType = url.searchParams.get('event_type');
  if (eventType === null || !accepted.includes(eventType)) {
    sendValidationError(res, 'api', 'event_type', `event_type must be one of ${accepted.join(', ')}`);
    return undefined;
  }
  const after = url.searchParams.get('after');
  const afterUs = after === null ? undefined : parseIsoMicros(after);
  if (after === null || afterUs === undefined) {
    sendValidationError(res, 'api', 'after', 'after is required: an ISO 8601 timestamp with a time zone');
    return undefined;
  }
  const before = url.searchParams.get('before');
  const beforeUs = before === null ? Infinity : parseIsoMicros(before);
  if (beforeUs === undefined) {
    sendValidationError(res, 'api', 'before', 'before must be an ISO 8601 timestamp with a time zone');
    return undefined;
  }
  const limit = intParam(url, 'limit', 1, 100);
  if (limit === null) {
    sendValidationError(res, 'api', 'limit', 'limit must be an integer between 1 and 100');
    return undefined;
  }
  return { eventType, after, window: { afterUs, beforeUs, limit: limit ?? 100 } };
}

export async function listLogs(
  state: ComplianceState,
  scope: LogScope,
  req: SimRequest,
  res: ServerResponse,
): Promise<void> {
  const q = parseQuery(req.url, res, scope.accepted);
  if (!q) return;
  // Other documented types (AUDIT_LOG, …) are valid but hold no files here.
  const refs = scope.holdsFiles(q.eventType) ? fileRefsIn(state.ctx, scope.id, q.eventType, q.window) : [];
  const data: LogFileEntry[] = [];
  for (const ref of refs.slice(0, q.window.limit)) {
    takeMalformedFault(state, ref);
    data.push(fileEntry(state, ref));
    await nextTurn(); // hashing big benchmark files must not stall other requests
  }
  const hasMore = refs.length > q.window.limit;
  sendJson(res, 200, listingBody(state, data, hasMore, q.after));
}

/** The listing envelope, or the broken one a listing fault asks for. */
function listingBody(state: ComplianceState, data: LogFileEntry[], hasMore: boolean, after: string): object {
  const { faults } = state.ctx;
  const last = data.at(-1)?.end_time ?? null;
  if (faults.take('logs', 'malformed_envelope')) return { files: data, last_end_time: last };
  if (faults.take('logs', 'null_last_end_time')) return { data, has_more: true, last_end_time: null };
  // A cursor that does not advance: `last_end_time` echoes the `after` just sent.
  if (faults.take('logs', 'repeat_cursor')) return { data, has_more: true, last_end_time: after };
  return { data, has_more: hasMore, last_end_time: last };
}

export function redirectToFile(
  state: ComplianceState,
  scopeId: string,
  req: SimRequest,
  res: ServerResponse,
): void {
  const ref = decodeFileId(state.ctx.seed, scopeId, req.params.log_file_id ?? '');
  if (!ref || !isListed(state.ctx, ref)) return sendError(res, 'api', 404, 'Log file not found');
  takeMalformedFault(state, ref);
  res.writeHead(307, { location: signedUrl(state, ref), 'content-length': 0 });
  res.end();
}
