// Compliance log freshness end to end: `check` reports, per workspace and event type, how far the newest
// event (GET …/max_event_time) lags behind now; `read` warns when a partition is more than 24 hours behind;
// where the endpoint answers 404 both say nothing about it and everything else works as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofType, runConnector } from '../helpers/protocol.js';
import { harness, recordsOf, type Harness, type Json } from '../helpers/sim.js';
import { daysAgo } from './compliance-helpers.js';

const hs: Harness[] = [];
async function sim(lagHours: number): Promise<Harness> {
  const h = await harness({
    complianceLagHours: lagHours,
    logFilesPerDay: 24,
    eventsPerFile: 3,
    rateLimitPerMinute: 100_000,
  });
  hs.push(h);
  return h;
}
afterAll(async () => Promise.all(hs.map((h) => h.close())));

const config = (h: Harness): Json =>
  h.config({
    analytics_api_key: undefined,
    admin_api_key: undefined,
    start_date: daysAgo(2),
    max_requests_per_minute: 1000,
  });

async function check(h: Harness): Promise<{ status: string; message: string }> {
  const run = await runConnector(['check', '--config', h.write('config.json', config(h))]);
  expect(run.code).toBe(0);
  return run.messages[0]?.connectionStatus as { status: string; message: string };
}

const logs = (run: { messages: Json[] }, level: string): string[] =>
  ofType(run.messages, 'LOG')
    .map((m) => m.log as { level: string; message: string })
    .filter((l) => l.level === level)
    .map((l) => l.message);

describe('freshness of fresh logs (about an hour behind)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await sim(0);
  });

  it('check names every workspace and event type with its newest event and its lag', async () => {
    const status = await check(h);
    expect(status.status).toBe('SUCCEEDED');
    expect(status.message).toMatch(/Compliance log freshness/);
    for (const ws of h.sim.workspaceIds) {
      for (const type of ['CODEX_LOG', 'CODEX_SECURITY_LOG']) {
        const line = new RegExp(`workspace ${ws} ${type}: newest event \\S+Z, (\\d+ min|1 h) behind\\.`);
        expect(status.message).toMatch(line);
      }
    }
    expect(status.message).not.toMatch(/more than 24 h/);
  });

  it('read warns about nothing', async () => {
    const run = await h.read(['compliance_logs'], { config: config(h) });
    expect(run.code).toBe(0);
    expect(logs(run, 'WARN').filter((m) => /behind/.test(m))).toEqual([]);
  });
});

describe('freshness of logs 30 hours behind', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await sim(30);
  });

  it('check flags each partition as more than 24 h behind', async () => {
    const status = await check(h);
    const stale = status.message.split('\n').filter((l) => /\(more than 24 h/.test(l));
    expect(stale).toHaveLength(4);
  });

  it('read logs one WARN per workspace and event type, and still reads every file', async () => {
    const run = await h.read(['compliance_logs'], { config: config(h) });
    expect(run.code).toBe(0);
    const warns = logs(run, 'WARN').filter((m) => /more than 24 hours behind/.test(m));
    expect(warns).toHaveLength(4);
    for (const ws of h.sim.workspaceIds) {
      expect(warns.filter((m) => m.includes(`workspace ${ws}`))).toHaveLength(2);
    }
    // The newest event sits up to an hour before the newest file closes (hourly files).
    expect(warns[0]).toMatch(/^compliance_logs: .*, 3[01] h ago: /);
    expect(recordsOf(run, 'compliance_logs').length).toBeGreaterThan(0);
  });
});

describe('a deployment without max_event_time (404)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await sim(30);
    h.sim.faults.add({ kind: 'status', route: 'max_event_time', status: 404, times: Infinity });
  });

  it('check says nothing about freshness and still succeeds', async () => {
    const status = await check(h);
    expect(status.status).toBe('SUCCEEDED');
    expect(status.message).not.toMatch(/freshness|behind|max_event_time/);
  });

  it('read says nothing about it either, and completes', async () => {
    const run = await h.read(['compliance_logs'], { config: config(h) });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/behind|max_event_time/);
    expect(recordsOf(run, 'compliance_logs').length).toBeGreaterThan(0);
  });
});
