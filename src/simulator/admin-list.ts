// The Admin API's list envelope (`{"object":"list","data","first_id","last_id","has_more"}`), paged with
// `after=<last id>` (and `before=<first id>` backwards), shared by users, invites, projects, keys and audit logs.
import type { ServerResponse } from 'node:http';
import { intParam, sendJson } from './http-util.js';
import { BadParam, guarded } from './admin-query.js';
import type { Route, SimContext, SimRequest } from './types.js';

export interface Identified {
  id: string;
}

export interface ListPage<T> {
  data: T[];
  has_more: boolean;
}

function indexOfId(items: readonly Identified[], param: string, id: string): number {
  const i = items.findIndex((item) => item.id === id);
  if (i < 0) throw new BadParam(param, `No object with id '${id}' in this list.`);
  return i;
}

/** One page of `items` (already in list order) per `limit`, `after` and `before`. */
export function pageOf<T extends Identified>(
  items: readonly T[],
  url: URL,
  defaultLimit = 20,
  maxLimit = 100,
): ListPage<T> {
  const limit = intParam(url, 'limit', 1, maxLimit);
  if (limit === null)
    throw new BadParam('limit', `Invalid limit: must be an integer between 1 and ${maxLimit}.`);
  const size = limit ?? defaultLimit;
  const after = url.searchParams.get('after');
  const before = url.searchParams.get('before');
  const start = after ? indexOfId(items, 'after', after) + 1 : 0;
  const end = before ? indexOfId(items, 'before', before) : items.length;
  if (before && !after) {
    // Going backwards: the `size` items just before `before`; more remain if anything precedes them.
    const from = Math.max(start, end - size);
    return { data: items.slice(from, end), has_more: from > start };
  }
  return { data: items.slice(start, Math.min(end, start + size)), has_more: start + size < end };
}

/** `ids`: `first_id`/`last_id` (most lists); `next`: a `next` cursor (groups, group users, roles). */
export type ListEnvelope = 'ids' | 'next';

/** Sends a page, unless a `malformed_envelope` fault asks for a 200 without `data`/`has_more`. */
export function sendListPage<T extends Identified>(
  res: ServerResponse,
  ctx: SimContext,
  route: string,
  page: ListPage<T>,
  envelope: ListEnvelope = 'ids',
): void {
  if (ctx.faults.take(route, 'malformed_envelope')) {
    sendJson(res, 200, { object: 'list', first_id: null });
    return;
  }
  const { data, has_more } = page;
  const last = data.at(-1)?.id ?? null;
  if (envelope === 'next') {
    sendJson(res, 200, { object: 'list', data, has_more, next: has_more ? last : null });
    return;
  }
  sendJson(res, 200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: last, has_more });
}

/** `items` returns the whole list for a request; it throws NotFound for an unknown parent in the path. */
export function listRoute(
  name: string,
  pattern: RegExp,
  items: (req: SimRequest, ctx: SimContext) => readonly Identified[],
  envelope: ListEnvelope = 'ids',
): Route {
  return {
    name,
    host: 'admin',
    method: 'GET',
    pattern,
    scope: 'admin',
    handle: guarded((req, res, ctx) => {
      // The newer lists allow up to 1000 a page (default 100); the older ones 100 (default 20).
      const page =
        envelope === 'next' ? pageOf(items(req, ctx), req.url, 100, 1000) : pageOf(items(req, ctx), req.url);
      sendListPage(res, ctx, name, page, envelope);
    }),
  };
}
