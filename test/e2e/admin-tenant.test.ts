// The audit log's two scans: organization events, and tenant-scoped ones (tenant_only=true), each with its own
// state partition; a key that may not read the tenant scope gets a WARN and the organization's events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofType } from '../helpers/protocol.js';
import { finalStates, harness, recordsOf, statuses, todayPlus, type Harness } from '../helpers/sim.js';

const STREAM = 'organization_audit_logs';
const T0 = Date.now();
const isTenant = (type: unknown) => String(type).startsWith('tenant.') || type === 'role.bound_to_resource';

async function readAudit(h: Harness) {
  const config = h.config({
    workspace_ids: undefined,
    analytics_api_key: undefined,
    compliance_api_key: undefined,
    start_date: todayPlus(-10),
  });
  const run = await h.read([STREAM], { config });
  expect(run.code, run.stderr).toBe(0);
  const [state] = finalStates(run) as { stream: { stream_state: { states: { partition: object }[] } } }[];
  return { run, partitions: state?.stream.stream_state.states.map((s) => s.partition) ?? [] };
}

describe('audit log scopes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ now: () => T0, auditEvents: 300 });
  });
  afterAll(async () => h.close());

  it('given a key with tenant rights, reads both scopes and keeps a cursor for each', async () => {
    const { run, partitions } = await readAudit(h);
    const events = recordsOf(run, STREAM);
    expect(events.some((e) => isTenant(e.type))).toBe(true);
    expect(events.some((e) => !isTenant(e.type))).toBe(true);
    expect(partitions).toEqual([{}, { tenant_only: 'true' }]);
  });
});

describe('audit log without tenant rights', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ now: () => T0, auditEvents: 300, adminTenantAudit: false });
  });
  afterAll(async () => h.close());

  it('given a 403 on tenant_only=true, WARNs, completes with the organization events and saves no tenant cursor', async () => {
    const { run, partitions } = await readAudit(h);
    const events = recordsOf(run, STREAM);
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => isTenant(e.type))).toBe(false);
    expect(statuses(run, STREAM).at(-1)).toBe('COMPLETE');
    const warns = ofType(run.messages, 'LOG')
      .map((m) => m.log as { level: string; message: string })
      .filter((l) => l.level === 'WARN' && /tenant/.test(l.message));
    expect(warns).toHaveLength(1);
    expect(partitions).toEqual([{}]);
    expect(h.sim.stats.requests.some((r) => r.query.tenant_only === 'true' && r.status === 403)).toBe(true);
  });
});
