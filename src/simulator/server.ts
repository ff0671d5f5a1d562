// The request pipeline shared by every route: match, record, authenticate, check the workspace, rate-limit,
// apply generic faults, then hand over to the route module.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { authorize, bearerKey, keyForScope, keyScopes } from './auth.js';
import { applyGenericFaults, sleep } from './generic-faults.js';
import { sendError } from './http-util.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { queryRecord } from './stats.js';
import type { RequestRecord, Route, SimContext, SimHost, SimScope } from './types.js';

export interface CoreState {
  ctx: SimContext;
  /** Filled after the listeners are up, since modules read ctx.origins when they are built. */
  routes: Route[];
  limiter: RateLimiter;
  revokedKeys: Set<string>;
}

export function createCoreState(ctx: SimContext, revokedKeys: Set<string>): CoreState {
  return { ctx, routes: [], limiter: createRateLimiter(ctx.options.rateLimitPerMinute), revokedKeys };
}

function matchRoute(routes: Route[], host: SimHost, method: string, path: string) {
  for (const route of routes) {
    if (route.host !== host || route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: { ...(m.groups ?? {}) } };
  }
  return undefined;
}

/** Records the request now and its status as soon as headers go out, so tests never race the record. */
function record(
  req: IncomingMessage,
  res: ServerResponse,
  host: SimHost,
  url: URL,
  ctx: SimContext,
): RequestRecord {
  const rec: RequestRecord = {
    host,
    route: '',
    method: req.method ?? 'GET',
    path: url.pathname,
    query: queryRecord(url),
    hasAuthorization: req.headers.authorization !== undefined,
    status: 0,
    at: Date.now(),
  };
  ctx.stats.requests.push(rec);
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    if (typeof args[0] === 'number') rec.status = args[0];
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
  res.on('close', () => {
    if (rec.status === 0 && res.headersSent) rec.status = res.statusCode;
  });
  return rec;
}

function hasScope(route: Route): route is Route & { scope: SimScope } {
  return route.scope !== null;
}

/** Auth, workspace and rate limit; answers and returns false when the request stops here. */
function admit(
  route: Route,
  params: Record<string, string>,
  req: IncomingMessage,
  res: ServerResponse,
  state: CoreState,
) {
  const { ctx } = state;
  if (!hasScope(route)) return true;
  if (ctx.faults.take(route.name, 'revoke_key')) state.revokedKeys.add(keyForScope(ctx.keys, route.scope));
  if (!authorize(bearerKey(req), route, res, keyScopes(ctx.keys), state.revokedKeys)) return false;
  const workspace = params.workspace_id;
  if (workspace !== undefined && !ctx.workspaceIds.includes(workspace)) {
    sendError(res, route.host, 404, `Workspace ${workspace} not found.`);
    return false;
  }
  const wait = state.limiter.admit(`${workspace ?? 'org'}|${route.name}`);
  if (wait > 0) {
    sendError(res, route.host, 429, 'Rate limit exceeded: too many requests per minute.', {
      'retry-after': String(wait),
    });
    return false;
  }
  return true;
}

async function handle(
  host: SimHost,
  req: IncomingMessage,
  res: ServerResponse,
  state: CoreState,
): Promise<void> {
  const { ctx } = state;
  const url = new URL(req.url ?? '/', ctx.origins[host]);
  const rec = record(req, res, host, url, ctx);
  const match = matchRoute(state.routes, host, req.method ?? 'GET', url.pathname);
  if (!match) return sendError(res, host, 404, `No route for ${req.method ?? 'GET'} ${url.pathname}.`);
  rec.route = match.route.name;
  // The limit counts a request when it arrives (as a gateway would), before the latency of serving it.
  if (!admit(match.route, match.params, req, res, state)) return;
  if (ctx.options.latencyMs > 0) await sleep(ctx.options.latencyMs);
  if (await applyGenericFaults(match.route, res, ctx)) return;
  const simReq = { raw: req, host, url, params: match.params, key: bearerKey(req) };
  await match.route.handle(simReq, res, ctx);
}

export function createHandler(host: SimHost, state: CoreState): RequestListener {
  return (req, res) => {
    handle(host, req, res, state).catch((err: unknown) => {
      console.error(`simulator: ${host} ${req.url ?? ''} failed:`, err);
      if (!res.headersSent) sendError(res, host, 500, 'Internal simulator error.');
      else res.destroy();
    });
  };
}
