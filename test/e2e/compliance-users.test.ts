// compliance_users end to end: the workspace's members over three pages of 200 (after = last_id), whole,
// one row per member and workspace, and a row for every user_id the Compliance events carry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordErrors } from '../helpers/records.js';
import { harness, recordsOf, statuses, type Harness, type Json } from '../helpers/sim.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ users: 450, logFilesPerDay: 1, eventsPerFile: 5 });
});
afterAll(async () => h.close());

const config = (): Json =>
  h.config({ analytics_api_key: undefined, admin_api_key: undefined, max_requests_per_minute: 1000 });

describe('compliance_users', () => {
  it('reads every member of every workspace, paging by last_id, each object whole with its workspace_id', async () => {
    h.sim.stats.reset();
    const run = await h.read(['compliance_users'], { config: config(), mode: 'full_refresh' });
    expect(run.code).toBe(0);
    expect(statuses(run, 'compliance_users')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    const got = recordsOf(run, 'compliance_users');
    const want = h.sim.workspaceIds.flatMap((ws) =>
      h.sim.truth.compliance.users(ws).map((u) => ({
        ...u,
        created_at: new Date(Number(u.created_at) * 1000).toISOString(),
        workspace_id: ws,
      })),
    );
    expect(got).toHaveLength(900);
    expect(got).toEqual(want);
    expect(got.flatMap((r) => recordErrors('compliance_users', r))).toEqual([]);

    const requests = h.sim.stats.requests.filter((r) => r.route === 'compliance_users');
    expect(requests).toHaveLength(6); // 450 members = 200 + 200 + 50, per workspace
    expect(requests.every((r) => r.query.limit === '200')).toBe(true);
    const firstWs = h.sim.truth.compliance.users(h.sim.workspaceIds[0] ?? '');
    expect(requests[1]?.query.after).toBe(firstWs[199]?.id);
  });

  it('has a row for every user_id in the Compliance events, so user_id joins to a person', async () => {
    const run = await h.read(['compliance_users', 'compliance_logs'], {
      config: config(),
      mode: 'full_refresh',
    });
    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    const members = new Set(
      recordsOf(run, 'compliance_users').map((u) => `${String(u.workspace_id)}/${String(u.id)}`),
    );
    const events = recordsOf(run, 'compliance_logs');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      const actor = e.actor as { user_id: string };
      expect(members.has(`${String(e.workspace_id)}/${actor.user_id}`), actor.user_id).toBe(true);
    }
  });
});
