// compliance_event_types beyond Codex's own: a user opts in to AUTH_LOG, a type this connector does not
// model, and its events land in compliance_logs unchanged, with their own state partition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareInstants } from '../../src/logs/instants.js';
import { harness, recordsOf, type Harness, type Json } from '../helpers/sim.js';
import { daysAgo, savedCursor } from './compliance-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ rateLimitPerMinute: 100_000 });
});
afterAll(async () => h.close());

describe('compliance_event_types with AUTH_LOG', () => {
  it('reads its files and emits each event as received plus the file fields', async () => {
    const config = h.config({
      analytics_api_key: undefined,
      admin_api_key: undefined,
      start_date: daysAgo(3),
      max_requests_per_minute: 1000,
      compliance_event_types: ['AUTH_LOG'],
    });
    const run = await h.read(['compliance_log_files', 'compliance_logs'], { config });
    expect(run.code).toBe(0);
    const after = `${daysAgo(3)}T00:00:00Z`;
    const events = recordsOf(run, 'compliance_logs');
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['AUTH_LOG']));
    for (const ws of h.sim.workspaceIds) {
      const truth = new Map(
        h.sim.truth.compliance.events(ws, 'AUTH_LOG').map((e) => [String(e.event_id), e] as const),
      );
      const mine = events.filter((e) => e.workspace_id === ws);
      expect(mine.length).toBeGreaterThan(0);
      for (const e of mine) {
        const { log_file_id: fileId, log_file_end_time: endTime, ...event } = e as Json;
        expect(event).toEqual(truth.get(String(e.event_id)));
        expect(typeof fileId).toBe('string');
        expect(compareInstants(String(endTime), after)).toBe(1);
      }
      const last = h.sim.truth.compliance.files(ws, 'AUTH_LOG').at(-1)?.end_time;
      const partition = { workspace_id: ws, event_type: 'AUTH_LOG' };
      expect(savedCursor(run, 'compliance_logs', partition, 'log_file_end_time')).toBe(last);
    }
  });
});
