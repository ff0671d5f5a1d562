// Costs per client and per model, and the open code_attribution object, end to end: what the API sends in
// each `clients[]` / `models[]` entry reaches usage_by_client / usage_by_model, typed by their schemas, and
// metrics the API adds to code_attribution pass through usage untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordErrors } from '../helpers/records.js';
import { harness, recordsOf, todayPlus, type Harness, type Json } from '../helpers/sim.js';

let h: Harness;
let run: Awaited<ReturnType<Harness['read']>>;
const START = todayPlus(-4);
beforeAll(async () => {
  h = await harness({ users: 12, days: 10 });
  const config = h.config({ compliance_api_key: undefined, admin_api_key: undefined, start_date: START });
  run = await h.read(['usage', 'usage_by_client', 'usage_by_model'], { config });
});
afterAll(async () => h.close());

const truthRows = (): Json[] =>
  h.sim.workspaceIds.flatMap((ws) => h.sim.truth.analytics.usageRows(ws, START, todayPlus(1)));

describe.each([
  ['usage_by_client', 'clients'],
  ['usage_by_model', 'models'],
] as const)('%s', (stream, list) => {
  it('carries cost_usd and estimated_cost_usd of each entry, valid against the schema', () => {
    expect(run.code).toBe(0);
    const entries = truthRows().flatMap((r) => r[list] as Json[]);
    const records = recordsOf(run, stream);
    expect(records).toHaveLength(entries.length);
    expect(records.map((r) => [r.cost_usd, r.estimated_cost_usd])).toEqual(
      entries.map((e) => [e.cost_usd, e.estimated_cost_usd]),
    );
    expect(records.some((r) => typeof r.cost_usd === 'number')).toBe(true);
    expect(records.some((r) => r.cost_usd === null)).toBe(true);
    expect(records.flatMap((r) => recordErrors(stream, r)).slice(0, 3)).toEqual([]);
  });
});

describe('usage.code_attribution', () => {
  it('passes metrics the schema does not name (files_changed) through unchanged', () => {
    const records = recordsOf(run, 'usage');
    const withExtra = records.filter(
      (r) => typeof (r.code_attribution as Json | null)?.files_changed === 'number',
    );
    expect(withExtra.length).toBeGreaterThan(0);
    expect(records.map((r) => r.code_attribution)).toEqual(truthRows().map((r) => r.code_attribution));
  });
});
