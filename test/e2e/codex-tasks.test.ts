// codex_tasks end to end: the API has no time filter, so every sync scans all tasks and keeps those updated
// after the saved cursor. A second sync with no change emits nothing; a task updated since comes again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalStates, harness, recordsOf, type Harness, type Json } from '../helpers/sim.js';

const DAY = 86_400_000;
let h: Harness;
// The simulator's clock, well behind the connector's so no task falls in the window the cursor leaves open
// for updates made while a scan runs; moved forward to make tasks update between syncs.
let simNow = Date.now() - 30 * DAY;
beforeAll(async () => {
  h = await harness({ now: () => simNow, tasks: 40 });
});
afterAll(async () => h.close());

const config = (): Json =>
  h.config({ analytics_api_key: undefined, admin_api_key: undefined, max_requests_per_minute: 1000 });

/** workspace/id → updated_at (Unix seconds) of every task the simulator holds now. */
function truth(): Map<string, number> {
  return new Map(
    h.sim.workspaceIds.flatMap((ws) =>
      h.sim.truth.compliance.tasks(ws).map((t) => [`${ws}/${t.id}`, Number(t.updated_at)] as const),
    ),
  );
}

const keys = (records: Json[]) => records.map((r) => `${String(r.workspace_id)}/${String(r.id)}`).sort();

describe('codex_tasks, incremental', () => {
  it('emits every task, then nothing when nothing changed, then exactly the tasks updated since', async () => {
    const first = await h.read(['codex_tasks'], { config: config() });
    expect(first.code).toBe(0);
    const before = truth();
    expect(keys(recordsOf(first, 'codex_tasks'))).toEqual([...before.keys()].sort());

    const unchanged = await h.read(['codex_tasks'], { config: config(), state: finalStates(first) });
    expect(unchanged.code).toBe(0);
    expect(recordsOf(unchanged, 'codex_tasks')).toEqual([]);

    simNow += 10 * DAY;
    const after = truth();
    const updated = [...after].filter(([key, at]) => at !== before.get(key)).map(([key]) => key);
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.length).toBeLessThan(after.size);
    const third = await h.read(['codex_tasks'], { config: config(), state: finalStates(unchanged) });
    expect(third.code).toBe(0);
    expect(keys(recordsOf(third, 'codex_tasks'))).toEqual(updated.sort());
  });
});
