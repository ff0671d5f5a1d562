// Cursor scans (codex_tasks, the Admin audit log) against rows stamped after the scan began: the rows are
// emitted, the cursor stops short of the signpost, one WARN names the stream and the time, and the next scan
// still finds what changed in between.
import { describe, expect, it } from 'vitest';
import { SETTLE_MS, syncCursorScan, type CursorScanPlan } from '../../src/engine/sync-scan.js';
import type { Row, SyncEvent } from '../../src/engine/types.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const deps = { now: () => NOW, sleep: async () => {} };

async function collect(gen: AsyncGenerator<SyncEvent>) {
  const events: SyncEvent[] = [];
  for await (const e of gen) events.push(e);
  return events;
}

const planOf = (data: Row[], seconds = false): CursorScanPlan => ({
  stream: seconds ? 'organization_audit_logs' : 'codex_tasks',
  cursorField: 'at',
  partitions: [{ workspace_id: 'w' }],
  fetchScan: async function* (_p, lower) {
    yield data.filter((r) => lower === undefined || (r.at as number | string) >= lower);
  },
  cursorAt: (ms) => (seconds ? Math.floor(ms / 1000) : new Date(ms).toISOString()),
});
const lastCursor = (events: SyncEvent[]) => {
  const last = events.at(-1);
  return last?.type === 'state' ? last.state.states?.[0]?.cursor.at : undefined;
};
const warnings = (events: SyncEvent[]) => events.filter((e) => e.type === 'log' && e.level === 'WARN');

describe('cursor scans and the signpost', () => {
  it('given a task updated in the future, then it is emitted, the cursor stops before the signpost, and one WARN names the stream and time', async () => {
    const rows = [
      { id: 'a', at: '2026-11-30T00:00:00.000Z' },
      { id: 'future', at: '2099-01-01T00:00:00.000Z' },
    ];
    const events = await collect(syncCursorScan(planOf(rows), undefined, deps));
    expect(events.flatMap((e) => (e.type === 'records' ? e.records.map((r) => r.row.id) : []))).toEqual([
      'a',
      'future',
    ]);
    expect(lastCursor(events)).toBe(new Date(NOW - SETTLE_MS).toISOString());
    expect(warnings(events)).toHaveLength(1);
    expect(JSON.stringify(warnings(events)[0])).toMatch(
      /codex_tasks: .*2099-01-01.*2026-12-01T00:00:00.000Z/,
    );
  });

  it('given that state, then the next scan still finds a task updated in between', async () => {
    const rows = [
      { id: 'between', at: '2026-12-01T00:30:00.000Z' },
      { id: 'future', at: '2099-01-01T00:00:00.000Z' },
    ];
    const prior = {
      states: [{ partition: { workspace_id: 'w' }, cursor: { at: new Date(NOW - SETTLE_MS).toISOString() } }],
    };
    const later = { now: () => NOW + 3_600_000, sleep: deps.sleep };
    const events = await collect(syncCursorScan(planOf(rows), prior, later));
    expect(events.flatMap((e) => (e.type === 'records' ? e.records.map((r) => r.row.id) : []))).toContain(
      'between',
    );
  });

  it('given an audit event with effective_at in the future (Unix seconds), then the WARN shows the instant too', async () => {
    const rows = [{ id: 'e', at: 4102444800 }];
    const events = await collect(syncCursorScan(planOf(rows, true), undefined, deps));
    expect(lastCursor(events)).toBe(Math.floor((NOW - SETTLE_MS) / 1000));
    expect(JSON.stringify(warnings(events)[0])).toMatch(
      /organization_audit_logs: .*4102444800 \(2100-01-01T00:00:00.000Z\)/,
    );
  });

  it('given rows stamped within the last minute (not the future), then there is no WARN', async () => {
    const events = await collect(
      syncCursorScan(planOf([{ id: 'a', at: new Date(NOW - 1000).toISOString() }]), undefined, deps),
    );
    expect(warnings(events)).toEqual([]);
  });
});
