// email_handling on the new Compliance streams, end to end: the members' `email` in compliance_users and
// `identity.email` in codex_costs are hashed (salted, equal to the hash of the same address elsewhere, so
// they still join) or dropped, and no address from the simulator reaches stdout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashValue } from '../../src/transform/privacy.js';
import { harness, recordsOf, type Harness, type Json } from '../helpers/sim.js';
import { daysAgo } from './compliance-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ rateLimitPerMinute: 100_000, eventsPerFile: 6 });
});
afterAll(async () => h.close());

const STREAMS = ['compliance_users', 'codex_costs'];
const config = (over: Json): Json =>
  h.config({
    analytics_api_key: undefined,
    admin_api_key: undefined,
    organization_id: h.sim.organizationId,
    start_date: daysAgo(1),
    max_requests_per_minute: 1000,
    ...over,
  });

/** Every member address the simulator holds. */
const addresses = (): string[] =>
  h.sim.workspaceIds.flatMap((ws) => h.sim.truth.compliance.users(ws).map((u) => String(u.email)));

describe('email_handling on compliance_users and codex_costs', () => {
  it('given hash, then each email is the salted hash of the address and none is left in clear', async () => {
    const run = await h.read(STREAMS, {
      config: config({ email_handling: 'hash', hash_salt: 'pepper' }),
      mode: 'full_refresh',
    });
    expect(run.code).toBe(0);
    const users = recordsOf(run, 'compliance_users');
    const byId = new Map(
      h.sim.workspaceIds.flatMap((ws) => h.sim.truth.compliance.users(ws).map((u) => [`${ws}/${u.id}`, u])),
    );
    expect(users.length).toBeGreaterThan(0);
    for (const u of users) {
      const truth = byId.get(`${String(u.workspace_id)}/${String(u.id)}`);
      expect(u.email).toBe(hashValue('pepper', String(truth?.email)));
    }
    const costs = recordsOf(run, 'codex_costs');
    const hashed = costs.map((c) => (c.identity as Json).email).filter((e) => e !== null);
    expect(hashed.length).toBeGreaterThan(0);
    expect(hashed.every((e) => /^[0-9a-f]{64}$/.test(String(e)))).toBe(true);
    // The same person hashes the same in both streams, so the columns still join.
    const userHashes = new Set(users.map((u) => u.email));
    expect(hashed.some((e) => userHashes.has(e))).toBe(true);
    for (const address of addresses()) expect(run.stdout).not.toContain(address);
  });

  it('given drop, then no email value is left in either stream', async () => {
    const run = await h.read(STREAMS, { config: config({ email_handling: 'drop' }), mode: 'full_refresh' });
    expect(run.code).toBe(0);
    expect(recordsOf(run, 'compliance_users').every((u) => u.email === null)).toBe(true);
    const costs = recordsOf(run, 'codex_costs');
    expect(costs.length).toBeGreaterThan(0);
    expect(costs.every((c) => (c.identity as Json).email === null)).toBe(true);
    expect(run.stdout).not.toMatch(/@example\.com/);
  });
});
