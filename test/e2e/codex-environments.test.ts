// codex_environments end to end, in every list envelope of the API family (the real one is not public): each
// is read whole over every page; an envelope none of them uses fails naming its top-level keys, no values.
import { afterAll, describe, expect, it } from 'vitest';
import type { EnvironmentsEnvelope } from '../../src/simulator/index.js';
import { recordErrors } from '../helpers/records.js';
import { errors, harness, recordsOf, statuses, type Harness } from '../helpers/sim.js';

const hs: Harness[] = [];
afterAll(async () => Promise.all(hs.map((h) => h.close())));

async function readIn(envelope: EnvironmentsEnvelope) {
  // 65 environments: three pages of 30 where the envelope pages.
  const h = await harness({ environments: 65, environmentsEnvelope: envelope });
  hs.push(h);
  h.sim.stats.reset();
  const config = h.config({ analytics_api_key: undefined, admin_api_key: undefined });
  const run = await h.read(['codex_environments'], { config, mode: 'full_refresh' });
  const requests = h.sim.stats.requests.filter((r) => r.route === 'codex_environments');
  return { h, run, requests };
}

describe.each([
  ['cursor', 3],
  ['last_id', 3],
  ['next_page', 3],
  ['bare', 1],
  ['data_only', 1],
] as const)('given /codex_environments answers the %s envelope', (envelope, pagesPerWorkspace) => {
  it('reads every environment of every workspace, each object whole with its workspace_id', async () => {
    const { h, run, requests } = await readIn(envelope);
    expect(run.code).toBe(0);
    expect(statuses(run, 'codex_environments')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    const want = h.sim.workspaceIds.flatMap((ws) =>
      h.sim.truth.compliance.environments(ws).map((e) => ({ ...e, workspace_id: ws })),
    );
    expect(want).toHaveLength(130);
    expect(recordsOf(run, 'codex_environments')).toEqual(want);
    expect(
      recordsOf(run, 'codex_environments').flatMap((r) => recordErrors('codex_environments', r)),
    ).toEqual([]);
    expect(requests).toHaveLength(pagesPerWorkspace * h.sim.workspaceIds.length);
  });
});

describe('given /codex_environments answers an envelope no list endpoint of the family uses', () => {
  it('fails the stream with a message quoting the top-level keys and none of the values', async () => {
    const { h, run } = await readIn('unknown');
    expect(run.code).toBe(1);
    expect(statuses(run, 'codex_environments').at(-1)).toBe('INCOMPLETE');
    const error = errors(run).find((e) => e.stream_descriptor?.name === 'codex_environments');
    expect(error?.failure_type).toBe('system_error');
    expect(error?.message).toMatch(/top-level keys: environments, total\)/);
    const values = h.sim.workspaceIds.flatMap((ws) =>
      h.sim.truth.compliance.environments(ws).flatMap((e) => [e.id, String(e.name), String(e.repository)]),
    );
    for (const value of values) expect(run.stdout).not.toContain(value);
    expect(run.stdout).not.toMatch(/"total":|\b130\b|\b65\b/);
  });
});
