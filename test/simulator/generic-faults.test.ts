// Generic faults, applied by the core to any route: status, reset, truncate, latency, revoke_key.
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { get, okRoute, startCore, type Core } from './harness.js';

const ROUTES = [
  okRoute('items', 'api', /^\/v1\/workspaces\/(?<workspace_id>[^/]+)\/items$/, 'analytics'),
  okRoute('org_things', 'admin', /^\/v1\/organization\/things$/, 'admin'),
];

let core: Core;
afterEach(async () => core.close());

const itemsUrl = () => `${core.origins.api}/v1/workspaces/${core.ctx.workspaceIds[0] ?? ''}/items`;
const items = () => get(itemsUrl(), core.ctx.keys.analytics);

describe('generic faults', () => {
  it('given status 503 times=2 after=1, lets one request through, fails two, then recovers', async () => {
    core = await startCore(ROUTES);
    core.ctx.faults.add({ kind: 'status', route: 'items', status: 503, times: 2, after: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await items()).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
  });

  it('sends Retry-After as given: seconds, an HTTP date, none for null, 1 s by default on 429', async () => {
    core = await startCore(ROUTES);
    const date = new Date(Date.now() + 5000).toUTCString();
    const cases: [string | null | undefined, string | undefined][] = [
      ['2', '2'],
      [date, date],
      [null, undefined],
      [undefined, '1'],
    ];
    for (const [retryAfter, expected] of cases) {
      core.ctx.faults.add({
        kind: 'status',
        route: 'items',
        status: 429,
        ...(retryAfter === undefined ? {} : { retryAfter }),
      });
      const reply = await items();
      expect(reply.status).toBe(429);
      expect(reply.headers['retry-after']).toBe(expected);
    }
  });

  it('uses the admin host error style for a fault on an admin route', async () => {
    core = await startCore(ROUTES);
    core.ctx.faults.add({ kind: 'status', route: '*', status: 500 });
    const reply = await get(`${core.origins.admin}/v1/organization/things`, core.ctx.keys.admin);
    expect(reply.status).toBe(500);
    expect(reply.json()).toMatchObject({ error: { message: expect.any(String) } });
  });

  it('reset: the connection dies part-way through the body', async () => {
    core = await startCore(ROUTES);
    core.ctx.faults.add({ kind: 'reset', route: 'items' });
    const attempt = request(itemsUrl(), {
      headers: { authorization: `Bearer ${core.ctx.keys.analytics}` },
    }).then((r) => r.body.text());
    await expect(attempt).rejects.toThrow();
    expect((await items()).status).toBe(200);
  });

  it('truncate: a clean 200 whose JSON body stops half-way', async () => {
    core = await startCore(ROUTES);
    const full = (await items()).text;
    core.ctx.faults.add({ kind: 'truncate', route: 'items' });
    const cut = await items();
    expect(cut.status).toBe(200);
    expect(cut.headers['content-length']).toBeUndefined();
    expect(cut.text).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(() => cut.json()).toThrow();
  });

  it('latency: delays the answer by ms', async () => {
    core = await startCore(ROUTES);
    core.ctx.faults.add({ kind: 'latency', route: '*', ms: 150 });
    const started = Date.now();
    expect((await items()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('latency: a request its client gave up on takes no fault armed while it slept', async () => {
    core = await startCore(ROUTES);
    core.ctx.faults.add({ kind: 'latency', route: 'items', ms: 300 });
    const abandoned = request(itemsUrl(), {
      headers: { authorization: `Bearer ${core.ctx.keys.analytics}` },
      signal: AbortSignal.timeout(50),
    });
    await expect(abandoned).rejects.toThrow();
    core.ctx.faults.add({ kind: 'status', route: 'items', status: 503 });
    await new Promise((resolve) => setTimeout(resolve, 400)); // the abandoned request wakes up meanwhile
    expect((await items()).status).toBe(503);
  });

  it('revoke_key: the route key answers 401 from then on, everywhere, until faults are cleared', async () => {
    core = await startCore(ROUTES);
    core.ctx.faults.add({ kind: 'revoke_key', route: 'items', after: 1 });
    expect((await items()).status).toBe(200);
    expect((await items()).status).toBe(401);
    expect((await items()).status).toBe(401);
    expect((await get(`${core.origins.admin}/v1/organization/things`, core.ctx.keys.admin)).status).toBe(200);
    core.ctx.faults.clear();
    expect((await items()).status).toBe(200);
  });
});
