// Data stamped after the sync began, on every incremental stream family but Compliance log files (see
// compliance.test.ts): Codex tasks, the Admin audit log, Analytics and Admin usage days. Each is emitted; no
// saved cursor passes the sync's start; a WARN names the stream and the time; the next sync, fed the last
// STATE, still gets what happened in between.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostileServer, type Reply, type Route, type Script } from './hostile-server.js';
import {
  cursorsOf,
  expectInvariants,
  expectSucceeded,
  finalStates,
  recordsOf,
  warningsOf,
} from './invariants.js';
import { freshKeys, hostileConfig, readHostile, WORKSPACE } from './run.js';

const BOUND_MS = 20_000;
const TASKS = `/v1/compliance/workspaces/${WORKSPACE}/codex_tasks`;
const AUDIT = '/v1/organization/audit_logs';
const USAGE = `/v1/analytics/codex/workspaces/${WORKSPACE}/usage`;
const COSTS = '/v1/organization/costs';
const YEAR_2099 = 4_070_908_800; // 2099-01-01T00:00:00Z, Unix seconds
const DAY = 86_400;
const keys = freshKeys();
let server: HostileServer;

beforeAll(async () => (server = await HostileServer.start({})));
afterAll(async () => server.close());

const read = (streams: string[], state?: unknown[]) =>
  readHostile({ config: hostileConfig(server.url, keys), streams, state, boundMs: BOUND_MS });
const nowSeconds = () => Math.floor(Date.now() / 1000);
const today = () => new Date().toISOString().slice(0, 10);
const page = (data: unknown[], extra: Record<string, unknown> = {}): Reply[] => [
  { json: { object: 'list', data, has_more: false, next_page: null, ...extra } },
];

/** Runs the lie, then the next sync from its last STATE; returns both runs. */
async function twoSyncs(stream: string, lie: Script, truth: () => Script) {
  server.play(lie);
  const first = await read([stream]);
  expectInvariants(first, keys, BOUND_MS);
  expectSucceeded(first);
  const after = Date.now();
  for (const c of cursorsOf(first, stream)) {
    const ms =
      typeof c === 'number'
        ? c * 1000
        : Date.parse(`${String(c)}${String(c).length === 10 ? 'T00:00:00Z' : ''}`);
    expect(ms, `saved cursor ${String(c)}`).toBeLessThanOrEqual(after);
  }
  expect(warningsOf(first).join('\n')).toMatch(new RegExp(`${stream}: .*stamped .*after this sync began`));
  server.play(truth());
  const second = await read([stream], finalStates(first));
  expectInvariants(second, keys, BOUND_MS);
  expectSucceeded(second);
  return { first, second };
}

describe('data stamped after the sync began', { timeout: 90_000 }, () => {
  it('codex_tasks: a task updated in 2099 is emitted, the cursor stays in the present, and the next sync gets a task updated in between', async () => {
    const future = { id: 'task_future', title: 't', created_at: nowSeconds() - DAY, updated_at: YEAR_2099 };
    const { first, second } = await twoSyncs(
      'codex_tasks',
      { [TASKS]: page([future], { cursor: null }) },
      () => ({
        [TASKS]: page(
          [future, { id: 'task_between', title: 't', created_at: nowSeconds(), updated_at: nowSeconds() }],
          { cursor: null },
        ),
      }),
    );
    expect(recordsOf(first, 'codex_tasks').map((r) => r.id)).toEqual(['task_future']);
    expect(recordsOf(second, 'codex_tasks').map((r) => r.id)).toContain('task_between');
  });

  it('organization_audit_logs: an event effective in 2099 is emitted, and the next sync asks from the present', async () => {
    const event = (id: string, at: number) => ({ id, type: 'login.succeeded', effective_at: at, actor: {} });
    // The audit log is scanned twice (organization events, then tenant_only=true); a login is an organization
    // event, so the tenant scan gets an empty list, as the real API would answer it.
    const orgOnly =
      (replies: Reply[]): Route =>
      (_n, url) =>
        url.searchParams.get('tenant_only') === 'true' ? (page([])[0] as Reply) : (replies[0] as Reply);
    const { first, second } = await twoSyncs(
      'organization_audit_logs',
      { [AUDIT]: orgOnly(page([event('audit_future', YEAR_2099)], { last_id: 'audit_future' })) },
      () => ({
        [AUDIT]: orgOnly(page([event('audit_between', nowSeconds())], { last_id: 'audit_between' })),
      }),
    );
    expect(recordsOf(first, 'organization_audit_logs').map((r) => r.id)).toEqual(['audit_future']);
    expect(Number(server.hitsOf(AUDIT)[0]?.query.get('effective_at[gte]'))).toBeLessThanOrEqual(nowSeconds());
    expect(recordsOf(second, 'organization_audit_logs').map((r) => r.id)).toEqual(['audit_between']);
  });

  it('usage: a row dated 2099 is emitted, the cursor stops at today, and the next sync re-reads today', async () => {
    const row = (start: number, user: string) => ({
      start_time: start,
      end_time: start + DAY,
      user_id: user,
      totals: {},
    });
    const todayStart = Math.floor(nowSeconds() / DAY) * DAY;
    const { first, second } = await twoSyncs(
      'usage',
      { [USAGE]: page([row(todayStart - DAY, 'u1'), row(YEAR_2099, 'u2')]) },
      () => ({
        [USAGE]: page([row(todayStart, 'u3')]),
      }),
    );
    expect(recordsOf(first, 'usage').map((r) => r.date)).toEqual([expect.any(String), '2099-01-01']);
    expect(cursorsOf(first, 'usage')).toEqual([today()]);
    expect(Number(server.hitsOf(USAGE)[0]?.query.get('start_time'))).toBeLessThanOrEqual(todayStart);
    expect(recordsOf(second, 'usage').map((r) => r.user_id)).toEqual(['u3']);
  });

  it('organization_costs: a bucket dated 2099 is emitted and the cursor stops at today', async () => {
    const bucket = (start: number) => ({
      object: 'bucket',
      start_time: start,
      end_time: start + DAY,
      results: [
        {
          object: 'organization.costs.result',
          amount: { value: 1, currency: 'usd' },
          line_item: 'x',
          project_id: 'p',
        },
      ],
    });
    const { first } = await twoSyncs('organization_costs', { [COSTS]: page([bucket(YEAR_2099)]) }, () => ({
      [COSTS]: page([]),
    }));
    expect(recordsOf(first, 'organization_costs').map((r) => r.date)).toEqual(['2099-01-01']);
    expect(cursorsOf(first, 'organization_costs')).toEqual([today()]);
  });
});
