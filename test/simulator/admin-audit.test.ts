// The Admin audit log over real HTTP: newest first, effective_at bounds, array filters, after-paging to the
// end, and events that stay put as the clock moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { AuditEvent } from '../../src/simulator/admin.js';
import { isTenantScoped } from '../../src/simulator/admin-audit-makers.js';
import { get, NOW } from './harness.js';

interface List {
  object: string;
  data: AuditEvent[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

const HOUR_MS = 3_600_000;
let now = NOW;
let sim: Simulator;

async function list(query: string): Promise<List> {
  const res = await get(`${sim.adminBaseUrl}/organization/audit_logs?${query}`, sim.keys.admin);
  expect(res.status, res.text).toBe(200);
  return res.json() as List;
}

async function listAll(query: string): Promise<{ events: AuditEvent[]; pages: number }> {
  const events: AuditEvent[] = [];
  for (let pages = 1, after = ''; pages < 100; pages++) {
    const body = await list(`${query}${after}`);
    events.push(...body.data);
    expect(body.first_id).toBe(body.data[0]?.id ?? null);
    expect(body.last_id).toBe(body.data.at(-1)?.id ?? null);
    if (!body.has_more) return { events, pages };
    after = `&after=${body.last_id ?? ''}`;
  }
  throw new Error('paging did not end');
}

beforeAll(async () => {
  sim = await startSimulator({ now: () => now, auditEvents: 300, days: 30 });
});
afterAll(() => sim.close());

/** Without tenant_only the API serves the organization's events; with it, only the tenant-scoped ones. */
const orgLogs = () => sim.truth.admin.auditLogs().filter((e) => !isTenantScoped(e.type));
const tenantLogs = () => sim.truth.admin.auditLogs().filter((e) => isTenantScoped(e.type));

describe('audit logs', () => {
  it('pages with after=<last_id> to the end, newest first, about auditEvents events in the last `days` days', async () => {
    const { events, pages } = await listAll('limit=40');
    const tenant = await listAll('limit=40&tenant_only=true');
    expect(pages).toBeGreaterThan(5);
    expect(tenant.events.length).toBeGreaterThan(0);
    expect(events.length + tenant.events.length).toBeGreaterThanOrEqual(299);
    expect(events.length + tenant.events.length).toBeLessThanOrEqual(301);
    expect(tenant.events).toEqual(tenantLogs());
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (let i = 1; i < events.length; i++) {
      expect(events[i - 1]?.effective_at).toBeGreaterThanOrEqual(events[i]?.effective_at ?? Infinity);
    }
    const nowSec = now / 1000;
    expect(events.every((e) => e.effective_at <= nowSec && e.effective_at > nowSec - 30 * 86_400)).toBe(true);
    expect(events.filter((e) => e.effective_at > nowSec - 6 * 3600).length).toBeGreaterThan(0);
    expect(events).toEqual(orgLogs());
  });

  it('given tenant_only=true with an organization event type, answers 400 (all must be tenant-scoped)', async () => {
    const query = 'tenant_only=true&event_types[]=login.succeeded';
    const res = await get(`${sim.adminBaseUrl}/organization/audit_logs?${query}`, sim.keys.admin);
    expect(res.status).toBe(400);
  });

  it('defaults to 20 per page', async () => {
    const body = await list('');
    expect(body.object).toBe('list');
    expect(body.data).toHaveLength(20);
    expect(body.has_more).toBe(true);
  });

  it('given effective_at[gte], then only events at or after it, all of them', async () => {
    const all = orgLogs();
    const bound = all[50]?.effective_at ?? 0;
    const { events } = await listAll(`effective_at[gte]=${bound}&limit=15`);
    expect(events).toEqual(all.filter((e) => e.effective_at >= bound));
    expect(events).toHaveLength(51);
    const strict = await listAll(
      `effective_at[gt]=${bound}&effective_at[lt]=${all[10]?.effective_at ?? 0}&limit=100`,
    );
    expect(strict.events).toEqual(all.slice(11, 50));
  });

  it('filters by event_types[] and actor_emails[], and puts details under a key named after the type', async () => {
    const { events } = await listAll('event_types[]=api_key.created&event_types[]=login.succeeded&limit=100');
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['api_key.created', 'login.succeeded']));
    const created = events.find((e) => e.type === 'api_key.created');
    expect(created?.['api_key.created']).toMatchObject({
      id: expect.stringMatching(/^key_/),
      data: { scopes: expect.any(Array) },
    });
    expect(created?.project?.id).toMatch(/^proj_/);
    const login = events.find((e) => e.type === 'login.succeeded');
    expect(login?.actor).toMatchObject({
      type: 'session',
      session: { user: { id: expect.stringMatching(/^user-/) } },
    });
    const email = (login?.actor as { session: { user: { email: string } } }).session.user.email;
    const mine = await listAll(`actor_emails[]=${encodeURIComponent(email)}&limit=100`);
    expect(mine.events.length).toBeGreaterThan(0);
    expect(mine.events.every((e) => JSON.stringify(e.actor).includes(email))).toBe(true);
  });

  it('given before=<id>, then the page just newer than it, still newest first', async () => {
    const all = orgLogs();
    const body = await list(`before=${all[20]?.id ?? ''}&limit=5`);
    expect(body.data).toEqual(all.slice(15, 20));
    expect(body.has_more).toBe(true);
  });

  it('rejects limit=101 and an unknown after id with 400 OpenAI-style errors', async () => {
    for (const [query, param] of [
      ['limit=101', 'limit'],
      ['after=audit_log-nope', 'after'],
      ['effective_at[gte]=yesterday', 'effective_at[gte]'],
    ]) {
      const res = await get(`${sim.adminBaseUrl}/organization/audit_logs?${query}`, sim.keys.admin);
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ error: { type: 'invalid_request_error', param } });
    }
  });

  it('given the clock moves on 3 hours, then older events are unchanged and newer ones appear on top', async () => {
    const before = sim.truth.admin.auditLogs();
    now = NOW + 3 * HOUR_MS;
    try {
      const after = sim.truth.admin.auditLogs();
      const newest = before[0]?.id;
      const index = after.findIndex((e) => e.id === newest);
      expect(index).toBeGreaterThan(0);
      expect(after.slice(index, index + 100)).toEqual(before.slice(0, 100));
    } finally {
      now = NOW;
    }
  });
});
