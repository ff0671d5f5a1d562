// The Admin list endpoints over real HTTP: users, invites, projects (archived only on request), per-project
// API keys and service accounts, after-paging, 404 for an unknown project, and determinism by seed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { get, NOW } from './harness.js';

interface Item {
  id: string;
  [field: string]: unknown;
}

interface List {
  object: string;
  data: Item[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

let sim: Simulator;

async function list(path: string, s: Simulator = sim): Promise<List> {
  const res = await get(`${s.adminBaseUrl}/organization/${path}`, s.keys.admin);
  expect(res.status, res.text).toBe(200);
  return res.json() as List;
}

/** Pages with after=<last_id>; `path` already carries a query string. */
async function listAll(path: string, s: Simulator = sim): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  for (let pages = 1, after = ''; pages < 100; pages++) {
    const body = await list(`${path}${after}`, s);
    items.push(...body.data);
    expect([body.first_id, body.last_id]).toEqual([body.data[0]?.id ?? null, body.data.at(-1)?.id ?? null]);
    if (!body.has_more) return { items, pages };
    after = `&after=${body.last_id ?? ''}`;
  }
  throw new Error('paging did not end');
}

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW, orgUsers: 11, projects: 6 });
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

describe('organization lists', () => {
  it('pages users with limit=3 and after=<last_id> to all orgUsers users', async () => {
    const { items, pages } = await listAll('users?limit=3');
    expect(pages).toBe(4);
    expect(items).toHaveLength(11);
    expect(items).toEqual(sim.truth.admin.users());
    expect(items.every((u) => u['object'] === 'organization.user' && /^user-/.test(u.id))).toBe(true);
    expect(new Set(items.map((u) => u['role']))).toContain('owner');
  });

  it('pages invites and shows every status, accepted_at set only when accepted', async () => {
    const { items } = await listAll('invites?limit=2');
    expect(items).toEqual(sim.truth.admin.invites());
    expect(new Set(items.map((i) => i['status']))).toEqual(new Set(['accepted', 'expired', 'pending']));
    expect(items.every((i) => (i['status'] === 'accepted') === (i['accepted_at'] !== null))).toBe(true);
  });

  it('hides archived projects unless include_archived=true', async () => {
    const active = await listAll('projects?limit=2');
    const all = await listAll('projects?limit=2&include_archived=true');
    expect(all.items.length).toBe(6);
    expect(active.items.every((p) => p['status'] === 'active' && p['archived_at'] === null)).toBe(true);
    const archived = all.items.filter((p) => p['status'] === 'archived');
    expect(archived.length).toBeGreaterThanOrEqual(1);
    expect(archived.every((p) => typeof p['archived_at'] === 'number')).toBe(true);
    expect(active.items.length + archived.length).toBe(6);
    expect(all.items).toEqual(sim.truth.admin.projects(true));
    const bad = await get(`${sim.adminBaseUrl}/organization/projects?include_archived=maybe`, sim.keys.admin);
    expect(bad.status).toBe(400);
  });

  it('serves each project’s API keys and service accounts, archived projects included', async () => {
    let keys = 0;
    for (const project of sim.truth.admin.projects(true)) {
      const k = await listAll(`projects/${project.id}/api_keys?limit=1&owner_project_access=any`);
      const sa = await listAll(`projects/${project.id}/service_accounts?limit=1`);
      expect(k.items).toEqual(sim.truth.admin.projectApiKeys(project.id));
      // Without owner_project_access, the API's membership rules hide keys whose owner lost access.
      const visible = await listAll(`projects/${project.id}/api_keys?limit=1`);
      expect(visible.items).toEqual(k.items.filter((key) => key['owner_project_access'] === 'active'));
      expect(sa.items).toEqual(sim.truth.admin.projectServiceAccounts(project.id));
      keys += k.items.length;
      for (const key of k.items) {
        const owner = key['owner'] as { type: string } & Record<string, unknown>;
        expect(['user', 'service_account']).toContain(owner.type);
        expect(owner[owner.type]).toMatchObject({ id: expect.any(String) });
        expect(key['redacted_value']).toMatch(/^sk-.+\.\.\..+$/);
      }
    }
    expect(keys).toBeGreaterThanOrEqual(6);
  });

  it('answers 404 OpenAI-style for an unknown project, and 403 for a project key', async () => {
    const res = await get(`${sim.adminBaseUrl}/organization/projects/proj_missing/api_keys`, sim.keys.admin);
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ error: { message: expect.stringContaining('proj_missing') } });
    const forbidden = await get(`${sim.adminBaseUrl}/organization/users`, sim.keys.nonAdmin);
    expect(forbidden.status).toBe(403);
  });

  it('given malformed_envelope on admin_users, then one 200 lacks data and has_more, and the next is whole', async () => {
    sim.faults.add({ kind: 'malformed_envelope', route: 'admin_users' });
    const broken = (await list('users')) as unknown as Record<string, unknown>;
    expect(broken).not.toHaveProperty('data');
    expect(broken).not.toHaveProperty('has_more');
    expect((await list('users')).data).toHaveLength(11);
  });
});

describe('determinism', () => {
  it('given the same seed, then the same org and usage; another seed differs', async () => {
    const twins = await Promise.all([7, 7, 8].map((seed) => startSimulator({ now: () => NOW, seed })));
    try {
      const [a, b, c] = twins.map((s) => s.truth.admin);
      const usage = (t: Simulator['truth']['admin'] | undefined): unknown =>
        t?.usage('completions', '2026-07-01', '2026-07-21', ['project_id', 'model']);
      expect(b?.users()).toEqual(a?.users());
      expect(usage(b)).toEqual(usage(a));
      expect(b?.auditLogs()).toEqual(a?.auditLogs());
      expect(c?.users()).not.toEqual(a?.users());
      expect(usage(c)).not.toEqual(usage(a));
      const [overA, overB] = await Promise.all(
        twins.slice(0, 2).map((s) => list('projects?include_archived=true', s)),
      );
      expect(overB).toEqual(overA);
    } finally {
      await Promise.all(twins.map((s) => s.close()));
    }
  });
});
