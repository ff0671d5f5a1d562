// The Codex Analytics family: /usage (per user, or per workspace with group=workspace), /code_reviews and
// /code_review_responses, paged with opaque `page` tokens, plus the ground truth tests compare against.
import type { ServerResponse } from 'node:http';
import { DAY_SECONDS, type Row } from './analytics-data.js';
import { collect, takePage, walk, type BucketRows } from './analytics-pages.js';
import { encodeToken, parseQuery, type AnalyticsQuery } from './analytics-query.js';
import { createSources, type Sources } from './analytics-sources.js';
import { sendJson, sendValidationError } from './http-util.js';
import type { Route, RouteModule, SimContext, SimRequest } from './types.js';

export interface AnalyticsTruth {
  /** Exactly what the API serves for days [startDay, endDayExclusive), all pages concatenated. */
  usageRows(workspaceId: string, startDay: string, endDayExclusive: string): Row[];
  workspaceRows(workspaceId: string, startDay: string, endDayExclusive: string): Row[];
  codeReviewRows(workspaceId: string, startDay: string, endDayExclusive: string): Row[];
  codeReviewResponseRows(workspaceId: string, startDay: string, endDayExclusive: string): Row[];
}

type RouteName = 'usage' | 'code_reviews' | 'code_review_responses';

function rowsFor(sources: Sources, route: RouteName, ws: string, group: 'workspace' | null): BucketRows {
  if (route === 'code_reviews') return sources.perDay(sources.codeReviews, ws);
  if (route === 'code_review_responses') return sources.perDay(sources.codeReviewResponses, ws);
  return group === 'workspace' ? sources.workspace(ws) : sources.users(ws);
}

function sendEmptyPage(res: ServerResponse, q: AnalyticsQuery, owed: number): void {
  sendJson(res, 200, { object: 'page', data: [], has_more: true, next_page: encodeToken(q, q.pos, owed) });
}

function handler(route: RouteName, sources: Sources) {
  return (req: SimRequest, res: ServerResponse, ctx: SimContext): void => {
    const ws = req.params.workspace_id ?? '';
    const q = parseQuery(req.url, route, ws, ctx.now(), ctx.options.maxPageSize);
    if ('msg' in q) return sendValidationError(res, 'api', q.param, q.msg);
    if (ctx.faults.take(route, 'malformed_envelope'))
      return sendJson(res, 200, { object: 'page', next_page: null });
    // An `empty_pages` fault owes `count` empty pages; the debt rides in the page token.
    const fault = q.emptyLeft === 0 ? ctx.faults.take(route, 'empty_pages') : undefined;
    const owed = q.emptyLeft > 0 ? q.emptyLeft : fault ? (fault.count ?? 2) : 0;
    if (owed > 0) return sendEmptyPage(res, q, owed - 1);
    const page = takePage(
      walk(q.window, sources.range(), q.pos, rowsFor(sources, route, ws, q.group)),
      q.limit,
    );
    const repeat = q.token !== null && ctx.faults.take(route, 'repeat_cursor') !== undefined;
    const next = repeat ? q.token : page.next && encodeToken(q, page.next);
    sendJson(res, 200, { object: 'page', data: page.rows, has_more: next !== null, next_page: next });
  };
}

function makeRoute(route: RouteName, sources: Sources): Route {
  return {
    name: route,
    host: 'api',
    method: 'GET',
    pattern: new RegExp(`^/v1/analytics/codex/workspaces/(?<workspace_id>[^/]+)/${route}$`),
    scope: 'analytics',
    handle: handler(route, sources),
  };
}

function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new Error(`analytics truth: not a day: ${day}`);
  return ms / 1000 / DAY_SECONDS;
}

function truthOf(ctx: SimContext, sources: Sources): AnalyticsTruth {
  const rows =
    (route: RouteName, group: 'workspace' | null) => (ws: string, startDay: string, endDay: string) => {
      if (!ctx.workspaceIds.includes(ws)) throw new Error(`analytics truth: unknown workspace ${ws}`);
      const window = { startDay: dayNumber(startDay), endDay: dayNumber(endDay), bucketDays: 1 };
      return collect(walk(window, sources.range(), { b: 0, u: 0 }, rowsFor(sources, route, ws, group)));
    };
  return {
    usageRows: rows('usage', null),
    workspaceRows: rows('usage', 'workspace'),
    codeReviewRows: rows('code_reviews', null),
    codeReviewResponseRows: rows('code_review_responses', null),
  };
}

export function analyticsModule(ctx: SimContext): RouteModule & { truth: AnalyticsTruth } {
  const sources = createSources(ctx);
  const names: RouteName[] = ['usage', 'code_reviews', 'code_review_responses'];
  return { routes: names.map((name) => makeRoute(name, sources)), truth: truthOf(ctx, sources) };
}
