// The server core with stand-in routes: auth, workspace check, rate limit, stats, unknown paths.
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { get, okRoute, startCore, type Core } from './harness.js';

const WS = /^\/v1\/things\/workspaces\/(?<workspace_id>[^/]+)\/items$/;
const ROUTES = [
  okRoute('items', 'api', WS, 'analytics'),
  okRoute('other_items', 'api', /^\/v1\/other\/workspaces\/(?<workspace_id>[^/]+)$/, 'analytics'),
  okRoute('org_things', 'admin', /^\/v1\/organization\/things$/, 'admin'),
  okRoute('file', 'files', /^\/signed\/(?<id>[^/]+)$/, null),
];

const hasIpv6Loopback = () =>
  Object.values(networkInterfaces()).some((list) => list?.some((a) => a.address === '::1'));

let core: Core;
afterEach(async () => core.close());

const itemsUrl = (c: Core, ws = c.ctx.workspaceIds[0] ?? '') =>
  `${c.origins.api}/v1/things/workspaces/${ws}/items`;

describe('simulator core: authentication', () => {
  it('answers 200 to the right key and 401 to a missing, unknown or malformed Authorization', async () => {
    core = await startCore(ROUTES);
    expect((await get(itemsUrl(core), core.ctx.keys.analytics)).status).toBe(200);
    expect((await get(itemsUrl(core))).status).toBe(401);
    expect((await get(itemsUrl(core), 'sk-codex-analytics-not-a-real-key-at-all')).status).toBe(401);
    expect((await get(itemsUrl(core), undefined, { authorization: core.ctx.keys.analytics })).status).toBe(
      401,
    );
    const body = (await get(itemsUrl(core))).json() as { detail?: unknown };
    expect(typeof body.detail).toBe('string');
  });

  it('answers 403 with {"detail":…} on the api host to a key of another scope or no scope', async () => {
    core = await startCore(ROUTES);
    for (const key of [core.ctx.keys.compliance, core.ctx.keys.admin, core.ctx.keys.noScope]) {
      const reply = await get(itemsUrl(core), key);
      expect(reply.status).toBe(403);
      expect(reply.json()).toEqual({ detail: expect.stringContaining('codex.enterprise.analytics.read') });
    }
  });

  it('answers a project key on an admin route with an OpenAI-style 403 naming api.management.read', async () => {
    core = await startCore(ROUTES);
    const reply = await get(`${core.origins.admin}/v1/organization/things`, core.ctx.keys.nonAdmin);
    expect(reply.status).toBe(403);
    const body = reply.json() as { error: { message: string; type: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/insufficient permissions.*api\.management\.read/);
    expect((await get(`${core.origins.admin}/v1/organization/things`, core.ctx.keys.admin)).status).toBe(200);
  });

  it('answers 404 to an unknown workspace and to an unknown path', async () => {
    core = await startCore(ROUTES);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await get(itemsUrl(core, unknown), core.ctx.keys.analytics)).status).toBe(404);
    expect((await get(`${core.origins.api}/v1/nothing/here`, core.ctx.keys.analytics)).status).toBe(404);
    // Routes belong to their host: the admin path on the api host does not exist.
    expect((await get(`${core.origins.api}/v1/organization/things`, core.ctx.keys.admin)).status).toBe(404);
  });

  it('serves the files host at localhost without a key, on IPv4 and on ::1', async () => {
    core = await startCore(ROUTES);
    expect(core.origins.files).toMatch(/^http:\/\/localhost:\d+$/);
    expect((await get(`${core.origins.files}/signed/f1`)).status).toBe(200);
    const port = new URL(core.origins.files).port;
    expect((await get(`http://127.0.0.1:${port}/signed/f1`)).status).toBe(200);
    if (hasIpv6Loopback()) expect((await get(`http://[::1]:${port}/signed/f1`)).status).toBe(200);
    expect(core.ctx.stats.authorizationAtFileHost()).toBe(0);
    await get(`${core.origins.files}/signed/f1`, 'leaked');
    expect(core.ctx.stats.authorizationAtFileHost()).toBe(1);
  });
});

describe('simulator core: rate limit and stats', () => {
  it('answers 429 with Retry-After once a workspace and route exceed the per-minute limit', async () => {
    core = await startCore(ROUTES, { rateLimitPerMinute: 3 });
    const key = core.ctx.keys.analytics;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(itemsUrl(core), key)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await get(itemsUrl(core), key);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The budget is per workspace and per route.
    expect((await get(itemsUrl(core, core.ctx.workspaceIds[1]), key)).status).toBe(200);
    const otherRoute = `${core.origins.api}/v1/other/workspaces/${core.ctx.workspaceIds[0] ?? ''}`;
    expect((await get(otherRoute, key)).status).toBe(200);
  });

  it('records route, status, query and whether Authorization was sent', async () => {
    core = await startCore(ROUTES);
    await get(`${itemsUrl(core)}?limit=5&tag=a&tag=b`, core.ctx.keys.analytics);
    await get(`${core.origins.api}/v1/nope`);
    const [first, second] = core.ctx.stats.requests;
    expect(first).toMatchObject({ host: 'api', route: 'items', status: 200, hasAuthorization: true });
    expect(first?.query).toEqual({ limit: '5', tag: ['a', 'b'] });
    expect(second).toMatchObject({ route: '', status: 404, hasAuthorization: false, path: '/v1/nope' });
    expect(core.ctx.stats.count('items')).toBe(1);
    core.ctx.stats.reset();
    expect(core.ctx.stats.count()).toBe(0);
  });
});
