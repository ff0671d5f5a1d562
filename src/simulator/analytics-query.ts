// Query parameters of the analytics routes, validated the way the real API answers: 422 naming the field.
import { DAY_SECONDS } from './analytics-data.js';
import type { Position, Window } from './analytics-pages.js';
import { decodeCursor, encodeCursor, intParam } from './http-util.js';

/** The API serves at most 90 days back from today (UTC days). */
export const MAX_DAYS_BACK = 90;
const MAX_SECONDS = 1e11;

export interface AnalyticsQuery {
  route: string;
  workspaceId: string;
  window: Window;
  group: 'workspace' | null;
  limit: number;
  pos: Position;
  /** Empty pages still owed by an `empty_pages` fault. */
  emptyLeft: number;
  /** The page token received, if any. */
  token: string | null;
}

export interface Invalid {
  param: string;
  msg: string;
}

/** intParam gives undefined when absent and null when invalid: only absence takes the default. */
const orDefault = (value: number | null | undefined, fallback: number): number | null =>
  value === undefined ? fallback : value;

type Frame = Pick<AnalyticsQuery, 'route' | 'workspaceId' | 'window' | 'group'>;

function parseGrouping(url: URL, route: string): { bucketDays: number; group: 'workspace' | null } | Invalid {
  const groupBy = url.searchParams.get('group_by') ?? 'day';
  if (groupBy !== 'day' && groupBy !== 'week') {
    return { param: 'group_by', msg: "value is not one of 'day', 'week'" };
  }
  const group = url.searchParams.get('group');
  if (group !== null && (route !== 'usage' || group !== 'workspace')) {
    const msg = route === 'usage' ? "value is not one of 'workspace'" : 'group is not supported here';
    return { param: 'group', msg };
  }
  return { bucketDays: groupBy === 'week' ? 7 : 1, group: group === null ? null : 'workspace' };
}

/** [startDay, endDay) from start_time (floored to its day) and end_time (exclusive, rounded up to a day). */
function parseDays(url: URL, nowMs: number): { startDay: number; endDay: number } | Invalid {
  const today = Math.floor(nowMs / 1000 / DAY_SECONDS);
  const start = orDefault(intParam(url, 'start_time', 0, MAX_SECONDS), (today - MAX_DAYS_BACK) * DAY_SECONDS);
  if (start === null) return { param: 'start_time', msg: 'value is not a valid Unix timestamp' };
  const startDay = Math.floor(start / DAY_SECONDS);
  if (startDay < today - MAX_DAYS_BACK) {
    return { param: 'start_time', msg: `start_time must be within the last ${MAX_DAYS_BACK} days` };
  }
  const given = intParam(url, 'end_time', 0, MAX_SECONDS);
  if (given === null || (given !== undefined && given < start)) {
    return { param: 'end_time', msg: 'end_time must be a Unix timestamp after start_time' };
  }
  // A start_time after now with no end_time is an empty window, not an error (a cursor in the future).
  const endDay = Math.ceil((given ?? Math.floor(nowMs / 1000)) / DAY_SECONDS);
  return { startDay, endDay: Math.max(startDay, endDay) };
}

function parseFrame(url: URL, route: string, workspaceId: string, nowMs: number): Frame | Invalid {
  const grouping = parseGrouping(url, route);
  if ('msg' in grouping) return grouping;
  const days = parseDays(url, nowMs);
  if ('msg' in days) return days;
  return { route, workspaceId, window: { ...days, bucketDays: grouping.bucketDays }, group: grouping.group };
}

const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** A page token carries the whole frame, so the other query parameters need not be repeated with it. */
function parseToken(
  token: string,
  route: string,
  workspaceId: string,
): Omit<AnalyticsQuery, 'limit'> | Invalid {
  const t = decodeCursor(token);
  const valid =
    t !== undefined &&
    t.r === route &&
    t.w === workspaceId &&
    [t.s, t.e, t.b, t.u, t.x].every(isInt) &&
    (t.d === 1 || t.d === 7) &&
    (t.e as number) >= (t.s as number) &&
    (t.grp === null || t.grp === 'workspace');
  if (!valid) return { param: 'page', msg: 'invalid page token' };
  const window = { startDay: t.s as number, endDay: t.e as number, bucketDays: t.d as number };
  const pos = { b: t.b as number, u: t.u as number };
  return {
    route,
    workspaceId,
    window,
    group: t.grp as 'workspace' | null,
    pos,
    emptyLeft: t.x as number,
    token,
  };
}

export function parseQuery(
  url: URL,
  route: string,
  workspaceId: string,
  nowMs: number,
  maxLimit = 30_000,
): AnalyticsQuery | Invalid {
  const limit = orDefault(intParam(url, 'limit', 1, maxLimit), 1000);
  if (limit === null) return { param: 'limit', msg: `ensure this value is between 1 and ${maxLimit}` };
  const token = url.searchParams.get('page');
  if (token !== null) {
    const parsed = parseToken(token, route, workspaceId);
    return 'msg' in parsed ? parsed : { ...parsed, limit };
  }
  const frame = parseFrame(url, route, workspaceId, nowMs);
  return 'msg' in frame ? frame : { ...frame, limit, pos: { b: 0, u: 0 }, emptyLeft: 0, token: null };
}

export function encodeToken(q: AnalyticsQuery, pos: Position, emptyLeft = 0): string {
  const { startDay: s, endDay: e, bucketDays: d } = q.window;
  return encodeCursor({
    r: q.route,
    w: q.workspaceId,
    s,
    e,
    d,
    grp: q.group,
    b: pos.b,
    u: pos.u,
    x: emptyLeft,
  });
}
