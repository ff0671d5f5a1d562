// GET …/max_event_time over real HTTP: the newest event the listing holds, per type; null where a type has
// no files; 422 for a type the API does not know; trailing the clock by complianceLagHours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';

const NOW = Date.parse('2026-07-16T03:00:00Z');
const sims: Simulator[] = [];
afterAll(async () => Promise.all(sims.map((s) => s.close())));

async function maxEventTime(sim: Simulator, type: string): Promise<{ status: number; body: unknown }> {
  const ws = sim.workspaceIds[0] ?? '';
  const res = await fetch(`${sim.apiBaseUrl}/compliance/workspaces/${ws}/max_event_time?event_type=${type}`, {
    headers: { authorization: `Bearer ${sim.keys.compliance}` },
  });
  return { status: res.status, body: await res.json() };
}

describe('GET /compliance/workspaces/{ws}/max_event_time', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ now: () => NOW });
    sims.push(sim);
  });

  it('answers the timestamp of the newest listed event of the type', async () => {
    const events = sim.truth.compliance.events(sim.workspaceIds[0] ?? '', 'CODEX_LOG');
    const newest = events
      .map((e) => String(e.timestamp))
      .sort()
      .at(-1);
    expect(await maxEventTime(sim, 'CODEX_LOG')).toEqual({
      status: 200,
      body: { max_event_time: { CODEX_LOG: newest } },
    });
  });

  it('answers null for a type without files, and 422 for an unknown type', async () => {
    expect((await maxEventTime(sim, 'AUDIT_LOG')).body).toEqual({ max_event_time: { AUDIT_LOG: null } });
    expect((await maxEventTime(sim, 'NOPE')).status).toBe(422);
  });

  it('trails the clock by complianceLagHours, as the files do', async () => {
    const late = await startSimulator({ now: () => NOW, complianceLagHours: 30 });
    sims.push(late);
    const { body } = await maxEventTime(late, 'CODEX_LOG');
    const time = Date.parse((body as { max_event_time: { CODEX_LOG: string } }).max_event_time.CODEX_LOG);
    expect(NOW - time).toBeGreaterThan(30 * 3_600_000);
    expect(NOW - time).toBeLessThan(37 * 3_600_000);
  });
});
