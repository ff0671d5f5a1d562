// codex_costs end to end: the organization's COSTS logs read through the same pipeline as compliance_logs
// (sha256-verified downloads, a checkpoint per file, events deduplicated on event_id), offered only when
// organization_id is set, with the event whole and one billing total per unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareInstants } from '../../src/logs/instants.js';
import { ofType } from '../helpers/protocol.js';
import { recordErrors } from '../helpers/records.js';
import { finalStates, harness, recordsOf, statuses, type Harness, type Json } from '../helpers/sim.js';
import { daysAgo, savedCursor } from './compliance-helpers.js';

const START = daysAgo(3);
const AFTER = `${START}T00:00:00Z`;
let h: Harness;
let simNow = Date.now();
beforeAll(async () => {
  h = await harness({ rateLimitPerMinute: 100_000, now: () => simNow, eventsPerFile: 8 });
});
afterAll(async () => h.close());

const config = (over: Json = {}): Json =>
  h.config({
    start_date: START,
    organization_id: h.sim.organizationId,
    analytics_api_key: undefined,
    admin_api_key: undefined,
    max_requests_per_minute: 1000,
    ...over,
  });

const org = () => h.sim.organizationId;
const files = (after: string) =>
  h.sim.truth.compliance.files(org(), 'COSTS').filter((f) => (compareInstants(f.end_time, after) ?? 0) > 0);

function truthEvents(fileIds: string[]): Map<string, Json> {
  const events = new Map<string, Json>();
  for (const id of fileIds) {
    for (const line of h.sim.truth.compliance.fileLines(org(), id)) {
      const event = JSON.parse(line) as Json;
      if (!events.has(String(event.event_id))) events.set(String(event.event_id), event);
    }
  }
  return events;
}

describe('codex_costs', () => {
  it('is not offered without organization_id, and is with it', async () => {
    const discover = async (c: Json) => {
      const { runConnector } = await import('../helpers/protocol.js');
      const run = await runConnector(['discover', '--config', h.write('config.json', c)]);
      const catalog = ofType(run.messages, 'CATALOG')[0]?.catalog as { streams: { name: string }[] };
      return catalog.streams.map((s) => s.name);
    };
    expect(await discover(config({ organization_id: undefined }))).not.toContain('codex_costs');
    expect(await discover(config())).toContain('codex_costs');
  });

  it('check probes the organization logs too: accepted, or a wrong organization_id named with its 404', async () => {
    const { runConnector } = await import('../helpers/protocol.js');
    const check = async (c: Json) => {
      const r = await runConnector(['check', '--config', h.write('config.json', c)]);
      return r.messages[0]?.connectionStatus as { status: string; message: string };
    };
    const good = await check(config());
    expect(good.status, good.message).toBe('SUCCEEDED');
    expect(good.message).toContain(
      `compliance_api_key: accepted for 2 workspace(s) and organization ${org()}.`,
    );
    expect(good.message).toMatch(/Readable streams: .*codex_costs/);
    const wrong = await check(config({ organization_id: 'org-nope' }));
    expect(wrong.status).toBe('FAILED');
    expect(wrong.message).toContain(
      'compliance_api_key: unknown organization (404): check organization_id for organization org-nope.',
    );
    expect(wrong.message).toMatch(/Readable streams: .*compliance_logs/);
    expect(wrong.message).toMatch(/Unavailable: codex_costs\./);
  });

  let run: Awaited<ReturnType<Harness['read']>>;
  beforeAll(async () => {
    h.sim.stats.reset();
    run = await h.read(['codex_costs'], { config: config() });
  });

  it('emits every COSTS event once, whole, with its file and organization and summable billing columns', () => {
    expect(run.code).toBe(0);
    expect(statuses(run, 'codex_costs')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    const listed = files(AFTER);
    expect(listed.length).toBeGreaterThan(8);
    const truth = truthEvents(listed.map((f) => f.id));
    const got = recordsOf(run, 'codex_costs');
    expect(got.map((r) => String(r.event_id)).sort()).toEqual([...truth.keys()].sort());
    const endOf = new Map(listed.map((f) => [f.id, f.end_time]));
    for (const r of got) {
      const event = truth.get(String(r.event_id)) as Json;
      for (const key of ['identity', 'product', 'measures', 'day', 'hour', 'model'])
        expect(r[key]).toEqual(event[key]);
      expect(r.organization_id).toBe(org());
      expect(r.log_file_end_time).toBe(endOf.get(String(r.log_file_id)));
      expect(r.user_id).toBe((event.identity as Json).user_id);
      const billing = (event.measures as { billing: { cost: { value: number; unit: string } }[] }).billing;
      const sum = (unit: string) =>
        billing.filter((b) => b.cost.unit === unit).reduce((a, b) => a + b.cost.value, 0);
      expect(r.billing_credits as number).toBeCloseTo(sum('CREDITS'), 6);
      expect(r.billing_usd === null ? 0 : (r.billing_usd as number)).toBeCloseTo(sum('USD'), 6);
      expect(r.period_start).toBe(`${String(r.day)}T${String(r.hour).padStart(2, '0')}:00:00.000Z`);
    }
    expect(got.some((r) => r.billing_usd === null) && got.some((r) => r.billing_usd !== null)).toBe(true);
    expect(got.flatMap((r) => recordErrors('codex_costs', r)).slice(0, 5)).toEqual([]);
  });

  it('downloads at organization scope, never with the key at the file host, and checkpoints per file', () => {
    const listed = files(AFTER);
    const lists = h.sim.stats.requests.filter((r) => r.route === 'org_logs');
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((r) => r.query.event_type === 'COSTS')).toBe(true);
    expect(h.sim.stats.requests.filter((r) => r.route === 'org_log_download')).toHaveLength(listed.length);
    expect(h.sim.stats.authorizationAtFileHost()).toBe(0);
    const states = ofType(run.messages, 'STATE').filter((m) => JSON.stringify(m).includes('"codex_costs"'));
    expect(states.length).toBe(listed.length + 1);
    const partition = { organization_id: org(), event_type: 'COSTS' };
    expect(savedCursor(run, 'codex_costs', partition, 'log_file_end_time')).toBe(listed.at(-1)?.end_time);
  });

  it('given the final state and 13 hours later, a second run emits only the events of newer files', async () => {
    const partition = { organization_id: org(), event_type: 'COSTS' };
    const cursor = savedCursor(run, 'codex_costs', partition, 'log_file_end_time') ?? '';
    simNow += 13 * 3_600_000;
    const second = await h.read(['codex_costs'], { config: config(), state: finalStates(run) });
    expect(second.code).toBe(0);
    const fresh = files(cursor);
    expect(fresh.length).toBeGreaterThan(0);
    const got = recordsOf(second, 'codex_costs');
    expect(new Set(got.map((r) => String(r.log_file_id)))).toEqual(new Set(fresh.map((f) => f.id)));
    // Lines repeated from the last file of the first sync were delivered then; the second run drops none
    // it had not seen, and emits no event twice.
    expect(new Set(got.map((r) => r.event_id)).size).toBe(got.length);
  });
});
