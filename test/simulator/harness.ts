// Shared helpers for the simulator's own tests: plain HTTP on loopback, no connector code.
import type { ServerResponse } from 'node:http';
import { request } from 'undici';
import { createContext, resolveSizes } from '../../src/simulator/context.js';
import { sendJson } from '../../src/simulator/http-util.js';
import { listenLocalhost, listenLoopback } from '../../src/simulator/listen.js';
import { createCoreState, createHandler } from '../../src/simulator/server.js';
import type { Route, SimContext, SimHost, SimSizeOptions } from '../../src/simulator/types.js';

/** A fixed clock: mid-day, so "today" is a partial day. */
export const NOW = Date.parse('2026-07-20T12:00:00Z');

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

export async function get(url: string, key?: string, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await request(url, {
    headers: key === undefined ? headers : { ...headers, authorization: `Bearer ${key}` },
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

export interface Core {
  ctx: SimContext;
  origins: Record<SimHost, string>;
  close(): Promise<void>;
}

/** The server core alone, with routes a test defines (the real families are tested through startSimulator). */
export async function startCore(routes: Route[], sizes: SimSizeOptions = {}): Promise<Core> {
  const ctx = createContext(resolveSizes(sizes), () => NOW, []);
  const state = createCoreState(ctx, ctx.faults.revokedKeys);
  state.routes.push(...routes);
  const listeners = [
    await listenLoopback(createHandler('api', state), '127.0.0.1'),
    await listenLoopback(createHandler('admin', state), '127.0.0.1'),
    await listenLocalhost(createHandler('files', state)),
  ];
  const [api, admin, files] = listeners.map((l) => l.origin) as [string, string, string];
  ctx.origins = { api, admin, files };
  return {
    ctx,
    origins: ctx.origins,
    close: async () => void (await Promise.all(listeners.map((l) => l.close()))),
  };
}

/** A route answering `{"ok":true,"padding":…}`, long enough that half of it is clearly not valid JSON. */
export function okRoute(name: string, host: SimHost, pattern: RegExp, scope: Route['scope']): Route {
  return {
    name,
    host,
    method: 'GET',
    pattern,
    scope,
    handle: (_req, res: ServerResponse) => sendJson(res, 200, { ok: true, padding: 'x'.repeat(200) }),
  };
}

export type Row = Record<string, unknown>;

export interface PageBody {
  object?: string;
  data?: Row[];
  has_more?: boolean;
  next_page?: string | null;
}

/** Follows next_page to the end; fails rather than loop forever. */
export async function readAll(
  firstUrl: string,
  key: string,
  maxPages = 500,
): Promise<{ rows: Row[]; pages: PageBody[] }> {
  const rows: Row[] = [];
  const pages: PageBody[] = [];
  let url = new URL(firstUrl);
  for (let i = 0; i < maxPages; i++) {
    const reply = await get(url.toString(), key);
    if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.text}`);
    const body = reply.json() as PageBody;
    pages.push(body);
    rows.push(...(body.data ?? []));
    if (!body.has_more || typeof body.next_page !== 'string') return { rows, pages };
    url = new URL(url);
    url.searchParams.set('page', body.next_page);
  }
  throw new Error('too many pages');
}
