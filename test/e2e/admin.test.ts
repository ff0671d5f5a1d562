// The built connector against the simulator over loopback: the organization Admin API streams end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofType, validateMessage, type RunResult } from '../helpers/protocol.js';
import { recordErrors } from '../helpers/records.js';
import {
  finalStates,
  harness,
  recordsOf,
  statuses,
  todayPlus,
  type Harness,
  type Json,
} from '../helpers/sim.js';
import { isTenantScoped } from '../../src/simulator/admin-audit-makers.js';
import { ADMIN, bucketResults, DATED, expectedCounts, INCREMENTAL } from './admin-helpers.js';

const START = todayPlus(-20);
const END = todayPlus(1);
const CURSOR: Record<string, string> = { organization_audit_logs: 'effective_at' };
const cursorOf = (stream: string) => CURSOR[stream] ?? (DATED.includes(stream as never) ? 'date' : undefined);

let h: Harness;
// A fixed simulator clock keeps the audit log from growing an event between the truth and the read.
const T0 = Date.now();
const adminOnly = (o: Json = {}) =>
  h.config({ workspace_ids: undefined, analytics_api_key: undefined, compliance_api_key: undefined, ...o });

beforeAll(async () => {
  h = await harness({ now: () => T0, auditEvents: 400, projects: 4 });
});
afterAll(async () => h.close());

const requestsTo = (route: string) => h.sim.stats.requests.filter((r) => r.route === route);

describe('Admin streams, full refresh', () => {
  let run: RunResult;
  beforeAll(async () => {
    h.sim.stats.reset();
    run = await h.read(ADMIN, { mode: 'full_refresh', config: adminOnly({ start_date: START }) });
  });

  it('exits 0, prints only valid protocol messages and completes every stream', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.messages.map(validateMessage).filter((e) => e.length > 0)).toEqual([]);
    for (const s of ADMIN) expect(statuses(run, s)).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('emits exactly the simulator truth for every stream', () => {
    const expected = expectedCounts(h.sim, START, END);
    for (const s of ADMIN) expect(recordsOf(run, s).length, s).toBe(expected[s]);
    for (const s of ADMIN) expect(expected[s], s).toBeGreaterThan(0);
  });

  it('emits records valid against their schemas, primary key and cursor never null, ids unique per stream', () => {
    for (const s of ADMIN) {
      const records = recordsOf(run, s);
      expect(records.flatMap((r) => recordErrors(s, r)).slice(0, 5), s).toEqual([]);
      expect(
        records.every((r) => typeof r.id === 'string' && r.id !== ''),
        s,
      ).toBe(true);
      const cursor = cursorOf(s);
      if (cursor)
        expect(
          records.every((r) => r[cursor] !== null && r[cursor] !== undefined),
          s,
        ).toBe(true);
      expect(new Set(records.map((r) => r.id)).size, s).toBe(records.length);
    }
  });

  it('groups usage by every dimension, so results differing only in batch get two ids', () => {
    const usage = recordsOf(run, 'organization_completions_usage');
    const dims = ['project_id', 'user_id', 'api_key_id', 'model', 'service_tier'];
    const twins = usage.flatMap((a) =>
      usage
        .filter(
          (b) => a !== b && a.date === b.date && a.batch !== b.batch && dims.every((d) => a[d] === b[d]),
        )
        .map((b) => [a.id, b.id]),
    );
    expect(twins.length).toBeGreaterThan(0);
    expect(twins.every(([a, b]) => a !== b)).toBe(true);
    const query = requestsTo('admin_usage_completions')[0]?.query ?? {};
    expect(query['group_by']).toEqual([
      'project_id',
      'user_id',
      'api_key_id',
      'model',
      'batch',
      'service_tier',
    ]);
    expect(query['bucket_width']).toBe('1d');
  });

  it('pages the audit log to its end with after=<last_id> and a server-side effective_at[gte] filter', () => {
    const pages = requestsTo('admin_audit_logs');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const scope of [undefined, 'true']) {
      const scan = pages.filter((r) => r.query.tenant_only === scope);
      expect(scan.length, `tenant_only=${scope}`).toBeGreaterThanOrEqual(1);
      expect(scan[0]?.query.after).toBeUndefined();
      expect(scan.slice(1).every((r) => typeof r.query.after === 'string')).toBe(true);
    }
    const since = String(Date.parse(`${START}T00:00:00Z`) / 1000);
    expect(pages.every((r) => r.query['effective_at[gte]'] === since)).toBe(true);
  });

  it('reads tenant-scoped audit events with a second scan (tenant_only=true), and every event carries details', () => {
    const events = recordsOf(run, 'organization_audit_logs');
    const tenant = events.filter(
      (e) => String(e.type).startsWith('tenant.') || e.type === 'role.bound_to_resource',
    );
    expect(tenant.length).toBeGreaterThan(0);
    expect(tenant.length).toBeLessThan(events.length);
    for (const e of events) expect(e.details, String(e.type)).toEqual(e[String(e.type)] ?? null);
    expect(events.some((e) => e.details !== null)).toBe(true);
  });

  it('lists project API keys with owner_project_access=any, so keys of owners without access come too', () => {
    const keys = recordsOf(run, 'organization_project_api_keys');
    expect(keys.some((k) => k.owner_project_access === 'inactive')).toBe(true);
    expect(requestsTo('admin_project_api_keys').every((r) => r.query.owner_project_access === 'any')).toBe(
      true,
    );
  });

  it('lands invites with created_at and their projects, as the spec names them', () => {
    const invites = recordsOf(run, 'organization_invites');
    expect(invites.every((i) => typeof i.created_at === 'number' && Array.isArray(i.projects))).toBe(true);
  });

  it('reads the keys and service accounts of archived projects too, tagged with their project_id', () => {
    const archived = h.sim.truth.admin.projects(true).filter((p) => p.status === 'archived');
    expect(archived.length).toBeGreaterThan(0);
    const keys = recordsOf(run, 'organization_project_api_keys');
    expect(keys.some((k) => archived.some((p) => p.id === k.project_id))).toBe(true);
    expect(requestsTo('admin_projects').every((r) => r.query.include_archived === 'true')).toBe(true);
  });
});

describe('Admin streams, incremental', () => {
  it('given run 1 states as an array, run 2 reads only from cursor minus lookback (audit: after the cursor)', async () => {
    const config = adminOnly({ start_date: START, lookback_days: 2 });
    const first = await h.read(INCREMENTAL, { config });
    expect(first.code, first.stderr).toBe(0);
    const states = finalStates(first) as {
      stream: { stream_descriptor: { name: string }; stream_state: Json };
    }[];
    const saved = (s: string) =>
      (
        states.find((x) => x.stream.stream_descriptor.name === s)?.stream.stream_state as {
          states: { partition: Json; cursor: Record<string, string | number> }[];
        }
      ).states;
    h.sim.stats.reset();
    const second = await h.read(INCREMENTAL, { config, state: states });
    expect(second.code, second.stderr).toBe(0);
    for (const s of DATED) {
      const [entry] = saved(s);
      expect(entry?.partition).toEqual({});
      const from = addDays(String(entry?.cursor.date), -2);
      const dates = recordsOf(second, s).map((r) => String(r.date));
      expect(
        dates.every((d) => d >= from),
        s,
      ).toBe(true);
      expect(dates.length, s).toBe(bucketResults(h.sim, s, from, END).length);
      expect(dates.length, s).toBeLessThan(recordsOf(first, s).length);
    }
    // The audit log: exactly the events after each scope's saved cursor (those of the minute before run 1
    // included: the cursor stops short of it, in case an event was still arriving). The organization and
    // tenant-scoped events are two partitions with a cursor each, which can differ.
    const audit = saved('organization_audit_logs');
    const cursorOf = (tenant: boolean) =>
      Number(
        audit.find((x) => (x.partition as Json)?.tenant_only === (tenant ? 'true' : undefined))?.cursor
          .effective_at,
      );
    const events = recordsOf(second, 'organization_audit_logs');
    const after = h.sim.truth.admin
      .auditLogs()
      .filter((e) => e.effective_at > cursorOf(isTenantScoped(e.type)));
    expect(audit).toHaveLength(2);
    expect(events.map((e) => String(e.id)).sort()).toEqual(after.map((e) => e.id).sort());
    expect(events.length).toBeLessThan(recordsOf(first, 'organization_audit_logs').length);
    const bounds = requestsTo('admin_audit_logs').map((r) => [
      r.query.tenant_only,
      r.query['effective_at[gte]'],
    ]);
    expect(bounds).toContainEqual([undefined, String(cursorOf(false))]);
    expect(bounds).toContainEqual(['true', String(cursorOf(true))]);
  });

  it('given a state far in the future, emits no record and one state per stream', async () => {
    const future = INCREMENTAL.map((name) => ({
      type: 'STREAM',
      stream: {
        stream_descriptor: { name },
        stream_state: {
          states: [
            { partition: {}, cursor: CURSOR[name] ? { effective_at: 4102444800 } : { date: '2099-01-01' } },
            ...(CURSOR[name]
              ? [{ partition: { tenant_only: 'true' }, cursor: { effective_at: 4102444800 } }]
              : []),
          ],
        },
      },
    }));
    const run = await h.read(INCREMENTAL, { config: adminOnly(), state: future });
    expect(run.code, run.stderr).toBe(0);
    expect(recordsOf(run)).toHaveLength(0);
    expect(ofType(run.messages, 'STATE')).toHaveLength(INCREMENTAL.length);
  });
});

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
