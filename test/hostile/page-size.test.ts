// Page sizes no public source states (page-limits.ts): a server that refuses our `limit` with a 422 naming it
// costs one request, never the stream. The connector steps down to the size the message states, remembers it
// for the rest of the sync (the next workspace asks for it at once), and reads every row. A person who is a
// member of two workspaces has the same id in both: the stream's key is workspace_id + id, so neither row
// replaces the other in a deduplicating destination.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLIANCE_USERS_LIMIT } from '../../src/page-limits.js';
import { airbyteStream } from '../../src/protocol/catalog.js';
import { STREAMS } from '../../src/streams.js';
import { HostileServer, type Reply } from './hostile-server.js';
import {
  expectFailedLoudly,
  expectInvariants,
  expectSucceeded,
  recordsOf,
  warningsOf,
} from './invariants.js';
import { freshKeys, hostileConfig, readHostile, WORKSPACE } from './run.js';

const BOUND_MS = 20_000;
const MAX = 50;
const OTHER = randomUUID();
const usersOf = (ws: string) => `/v1/compliance/workspaces/${ws}/users`;
const keys = freshKeys();
let server: HostileServer;

beforeAll(async () => (server = await HostileServer.start({})));
afterAll(async () => server.close());

/** A member list of `count` users that pages by last_id and refuses any limit above MAX. */
function members(ws: string, count: number, prefix = ws.slice(0, 4)) {
  const all = Array.from({ length: count }, (_, i) => ({
    id: `user-${prefix}-${String(i).padStart(4, '0')}`,
    email: `u${i}@example.com`,
    role: 'standard-user',
  }));
  return (_n: number, url: URL): Reply => {
    const limit = Number(url.searchParams.get('limit'));
    if (!(limit >= 1 && limit <= MAX)) {
      return {
        status: 422,
        json: {
          detail: [
            {
              loc: ['query', 'limit'],
              msg: `ensure this value is less than or equal to ${MAX}`,
              type: 'value_error',
            },
          ],
        },
      };
    }
    const after = url.searchParams.get('after');
    const from = after === null ? 0 : all.findIndex((u) => u.id === after) + 1;
    const data = all.slice(from, from + limit);
    return {
      json: { object: 'list', data, has_more: from + limit < all.length, last_id: data.at(-1)?.id ?? null },
    };
  };
}

/** A full-refresh sync of compliance_users over both workspaces, which must leak nothing and end in time. */
async function syncUsers() {
  const run = await readHostile({
    config: hostileConfig(server.url, keys, { workspace_ids: [WORKSPACE, OTHER] }),
    streams: ['compliance_users'],
    syncMode: 'full_refresh',
    boundMs: BOUND_MS,
  });
  expectInvariants(run, keys, BOUND_MS);
  return run;
}

/** The same sync, which must succeed. */
async function readUsers() {
  const run = await syncUsers();
  expectSucceeded(run);
  return run;
}

describe('a page size the API refuses', () => {
  it('given /users that refuses any limit above 50 with a 422 naming limit, then it steps down to 50, remembers it for the next workspace and emits every member', async () => {
    expect(COMPLIANCE_USERS_LIMIT).toBeGreaterThan(MAX);
    server.play({ [usersOf(WORKSPACE)]: members(WORKSPACE, 120), [usersOf(OTHER)]: members(OTHER, 70) });
    const run = await readUsers();
    const rows = recordsOf(run, 'compliance_users');
    expect(rows).toHaveLength(190);
    expect(new Set(rows.map((r) => `${String(r.workspace_id)}/${String(r.id)}`)).size).toBe(190);

    const limits = (ws: string) => server.hitsOf(usersOf(ws)).map((h) => Number(h.query.get('limit')));
    expect(limits(WORKSPACE)).toEqual([COMPLIANCE_USERS_LIMIT, MAX, MAX, MAX]);
    expect(limits(OTHER)).toEqual([MAX, MAX]);
    expect(warningsOf(run).join('\n')).toMatch(/limit/);
  });

  it('given the same people as members of two workspaces (the same ids), then each is emitted once per workspace, and the catalog keys the stream on workspace_id + id', async () => {
    server.play({
      [usersOf(WORKSPACE)]: members(WORKSPACE, 30, 'shared'),
      [usersOf(OTHER)]: members(OTHER, 30, 'shared'),
    });
    const run = await readUsers();
    const rows = recordsOf(run, 'compliance_users');
    expect(new Set(rows.map((r) => r.id)).size).toBe(30);
    expect(rows.filter((r) => r.workspace_id === WORKSPACE)).toHaveLength(30);
    expect(rows.filter((r) => r.workspace_id === OTHER)).toHaveLength(30);
    const def = STREAMS.find((s) => s.name === 'compliance_users');
    expect(airbyteStream(def!)).toMatchObject({ source_defined_primary_key: [['workspace_id'], ['id']] });
  });

  it('given /users that refuses every limit, down to 1, with a 422 naming limit, then it fails loudly after a few smaller sizes instead of stepping forever', async () => {
    const refuse: Reply = {
      status: 422,
      json: { detail: [{ loc: ['query', 'limit'], msg: 'limit is not allowed', type: 'value_error' }] },
    };
    server.play({ [usersOf(WORKSPACE)]: [refuse], [usersOf(OTHER)]: [refuse] });
    const run = await syncUsers();
    expectFailedLoudly(run, 'compliance_users', 'HTTP_422');
    const sizes = server.hitsOf(usersOf(WORKSPACE)).map((h) => Number(h.query.get('limit')));
    expect(sizes[0]).toBe(COMPLIANCE_USERS_LIMIT);
    expect(sizes.at(-1)).toBe(1);
    expect(sizes.length).toBeLessThanOrEqual(4); // 200, then 100, then 1: each step smaller, none repeated
    expect(new Set(sizes).size).toBe(sizes.length);
    expect(recordsOf(run, 'compliance_users')).toEqual([]);
  });
});
