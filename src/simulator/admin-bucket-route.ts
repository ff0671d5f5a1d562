// The usage and costs endpoints: `start_time`/`end_time`/`bucket_width`/`group_by`/filters, `limit` counted in
// buckets, and an opaque `page` token (`next_page`) naming the next bucket (its index: start / width).
import { decodeCursor, encodeCursor, intParam, sendJson } from './http-util.js';
import { bucketsFor, FILTERS, type BucketQuery } from './admin-buckets.js';
import { BadParam, DAY, guarded, listParam, nowSec, unixParam } from './admin-query.js';
import type { BucketKind } from './admin-usage-data.js';
import type { Route, SimContext } from './types.js';

/** Page limits per bucket width, as the spec states them; a width absent here is refused. */
export type BucketCaps = Partial<Record<'1d' | '1h' | '1m', { defaultLimit: number; maxLimit: number }>>;

const WIDTH_SECONDS = { '1d': DAY, '1h': 3600, '1m': 60 } as const;

interface Position {
  day: number;
  /** Empty pages still owed by an `empty_pages` fault; carried in the token so the server stays stateless. */
  emptyLeft: number;
  token: string | null;
}

function parseQuery(url: URL, kind: BucketKind): BucketQuery {
  const groupBy = listParam(url, 'group_by');
  const bad = groupBy.find((g) => !kind.dims.includes(g));
  if (bad !== undefined)
    throw new BadParam('group_by', `Invalid group_by '${bad}': expected ${kind.dims.join(', ')}.`);
  const filters: Record<string, string[]> = {};
  for (const [param, dim] of Object.entries(FILTERS)) {
    const values = listParam(url, param);
    if (kind.dims.includes(dim) && values.length > 0) filters[dim] = values;
  }
  return { groupBy, filters };
}

/** The width asked for (default 1d), its seconds and its page limits; costs know only 1d. */
function widthOf(url: URL, caps: BucketCaps): { seconds: number; defaultLimit: number; maxLimit: number } {
  const width = url.searchParams.get('bucket_width') ?? '1d';
  const cap = caps[width as keyof BucketCaps];
  if (cap === undefined)
    throw new BadParam(
      'bucket_width',
      `Invalid bucket_width '${width}': expected ${Object.keys(caps).join(', ')}.`,
    );
  return { seconds: WIDTH_SECONDS[width as keyof BucketCaps], ...cap };
}

function parseRange(url: URL, ctx: SimContext, width: number): { startDay: number; endDay: number } {
  const start = unixParam(url, 'start_time');
  if (start === undefined) throw new BadParam('start_time', "Missing required parameter: 'start_time'.");
  const end = unixParam(url, 'end_time') ?? nowSec(ctx);
  if (end < start) throw new BadParam('end_time', "'end_time' must not be before 'start_time'.");
  // Bucket indexes (start / width); the last bucket is the one whose start is before the exclusive end_time.
  return { startDay: Math.floor(start / width), endDay: Math.ceil(end / width) };
}

function parsePosition(url: URL, startDay: number, endDay: number): Position {
  const token = url.searchParams.get('page');
  if (token === null) return { day: startDay, emptyLeft: 0, token };
  const { d, e } = decodeCursor(token) ?? {};
  const valid = Number.isInteger(d) && (e === undefined || Number.isInteger(e));
  if (!valid || (d as number) < startDay || (d as number) > endDay) {
    throw new BadParam('page', 'Invalid page token for this query.');
  }
  return { day: d as number, emptyLeft: (e as number | undefined) ?? 0, token };
}

function sendEmptyPage(res: Parameters<Route['handle']>[1], day: number, emptyLeft: number): void {
  sendJson(res, 200, {
    object: 'page',
    data: [],
    has_more: true,
    next_page: encodeCursor({ d: day, e: emptyLeft }),
  });
}

export function bucketRoute(name: string, pattern: RegExp, kind: BucketKind, caps: BucketCaps): Route {
  return {
    name,
    host: 'admin',
    method: 'GET',
    pattern,
    scope: 'admin',
    handle: guarded((req, res, ctx) => {
      const url = req.url;
      const width = widthOf(url, caps);
      const { startDay, endDay } = parseRange(url, ctx, width.seconds);
      const query = parseQuery(url, kind);
      const limit = intParam(url, 'limit', 1, width.maxLimit);
      if (limit === null)
        throw new BadParam('limit', `Invalid limit: must be between 1 and ${width.maxLimit}.`);
      const at = parsePosition(url, startDay, endDay);
      if (ctx.faults.take(name, 'malformed_envelope'))
        return sendJson(res, 200, { object: 'page', next_page: null });
      if (at.emptyLeft > 0) return sendEmptyPage(res, at.day, at.emptyLeft - 1);
      const empty = ctx.faults.take(name, 'empty_pages');
      if (empty) return sendEmptyPage(res, at.day, (empty.count ?? 1) - 1);
      const to = Math.min(endDay, at.day + (limit ?? width.defaultLimit));
      let next = to < endDay ? encodeCursor({ d: to }) : null;
      if (at.token !== null && ctx.faults.take(name, 'repeat_cursor')) next = at.token;
      const data = bucketsFor(ctx, kind, at.day, to, query, width.seconds);
      sendJson(res, 200, { object: 'page', data, has_more: next !== null, next_page: next });
    }),
  };
}
