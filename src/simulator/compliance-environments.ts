// /codex_environments in the envelope the `environmentsEnvelope` option names. No public source shows the real
// envelope, so the simulator can answer in each one a list endpoint of this API family uses (the default,
// `cursor`, is the opaque-cursor route shared with /codex_tasks), or in one none of them uses.
import { codexEnvironments } from './compliance-records.js';
import { cursorRoute } from './compliance-paging.js';
import { decodeCursor, encodeCursor, intParam, sendJson, sendValidationError } from './http-util.js';
import type { Route, SimContext, SimRequest } from './types.js';

const MAX_LIMIT = 30;
type Body = unknown;

/** Where the page starts, from whichever parameter the envelope's style sends back; undefined if invalid. */
function startOf(req: SimRequest, all: { id: string }[], style: string): number | undefined {
  if (style === 'last_id') {
    const after = req.url.searchParams.get('after');
    if (after === null) return 0;
    const i = all.findIndex((e) => e.id === after);
    return i < 0 ? undefined : i + 1;
  }
  const page = req.url.searchParams.get('page');
  if (page === null) return 0;
  const offset = decodeCursor(page)?.o;
  return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
}

function bodyOf(req: SimRequest, ctx: SimContext): Body | undefined {
  const style = ctx.options.environmentsEnvelope;
  const all = codexEnvironments(ctx, req.params.workspace_id ?? '');
  if (style === 'bare') return all;
  if (style === 'data_only') return { data: all };
  if (style === 'unknown') return { environments: all, total: all.length };
  const start = startOf(req, all, style);
  const limit = intParam(req.url, 'limit', 1, MAX_LIMIT);
  if (start === undefined || limit === null) return undefined;
  const data = all.slice(start, start + (limit ?? MAX_LIMIT));
  const end = start + data.length;
  const hasMore = end < all.length;
  if (style === 'last_id') {
    return {
      object: 'list',
      data,
      has_more: hasMore,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
    };
  }
  return { object: 'page', data, has_more: hasMore, next_page: hasMore ? encodeCursor({ o: end }) : null };
}

export function environmentsRoute(ctx: SimContext): Route {
  if (ctx.options.environmentsEnvelope === 'cursor')
    return cursorRoute('codex_environments', codexEnvironments);
  return {
    name: 'codex_environments',
    host: 'api',
    method: 'GET',
    pattern: /^\/v1\/compliance\/workspaces\/(?<workspace_id>[^/]+)\/codex_environments$/,
    scope: 'compliance',
    handle: (req, res, c) => {
      const body = bodyOf(req, c);
      if (body === undefined) return sendValidationError(res, 'api', 'page', 'invalid page, after or limit');
      sendJson(res, 200, body);
    },
  };
}
