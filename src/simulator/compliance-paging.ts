// Opaque-cursor paging shared by /codex_tasks and /codex_environments, with the paging faults
// (malformed_envelope, repeat_cursor, empty_pages) applied per route.
import type { ServerResponse } from 'node:http';
import type { CodexRecord } from './compliance-records.js';
import { decodeCursor, encodeCursor, intParam, sendJson, sendValidationError } from './http-util.js';
import type { Route, SimContext, SimRequest } from './types.js';

const MAX_LIMIT = 30;

/** Where a page starts, and how many empty pages (fault empty_pages) remain before it. */
interface Position {
  offset: number;
  empties: number;
}

export function cursorRoute(
  name: string,
  records: (ctx: SimContext, workspaceId: string) => CodexRecord[],
): Route {
  return {
    name,
    host: 'api',
    method: 'GET',
    pattern: new RegExp(`^/v1/compliance/workspaces/(?<workspace_id>[^/]+)/${name}$`),
    scope: 'compliance',
    handle: (req, res, ctx) => servePage(name, records, req, res, ctx),
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function parsePosition(token: string | null): Position | undefined {
  if (token === null) return { offset: 0, empties: 0 };
  const c = decodeCursor(token);
  const offset = c?.o;
  const empties = c?.e ?? 0;
  if (!isCount(offset) || !isCount(empties)) return undefined;
  return { offset, empties };
}

function servePage(
  name: string,
  records: (ctx: SimContext, workspaceId: string) => CodexRecord[],
  req: SimRequest,
  res: ServerResponse,
  ctx: SimContext,
): void {
  const limit = intParam(req.url, 'limit', 1, MAX_LIMIT);
  if (limit === null)
    return sendValidationError(res, 'api', 'limit', `limit must be between 1 and ${MAX_LIMIT}`);
  const token = req.url.searchParams.get('cursor');
  const pos = parsePosition(token);
  if (!pos) return sendValidationError(res, 'api', 'cursor', 'invalid cursor');
  const emptyFault = pos.empties === 0 ? ctx.faults.take(name, 'empty_pages') : undefined;
  const empties = emptyFault ? (emptyFault.count ?? 1) : pos.empties;
  if (empties > 0) {
    // Each empty page hands out a new token (the count goes down), so only the data is missing.
    return sendJson(res, 200, {
      data: [],
      has_more: true,
      cursor: encodeCursor({ o: pos.offset, e: empties - 1 }),
    });
  }
  const all = records(ctx, req.params.workspace_id ?? '');
  const data = all.slice(pos.offset, pos.offset + (limit ?? MAX_LIMIT));
  const end = pos.offset + data.length;
  const hasMore = end < all.length;
  if (ctx.faults.take(name, 'malformed_envelope')) return sendJson(res, 200, { items: data });
  // Only a received token can be repeated, so the fault waits for the second page.
  if (token !== null && ctx.faults.take(name, 'repeat_cursor')) {
    return sendJson(res, 200, { data, has_more: true, cursor: token });
  }
  sendJson(res, 200, { data, has_more: hasMore, cursor: hasMore ? encodeCursor({ o: end }) : null });
}
