import { describe, expect, it } from 'vitest';
import type { StreamState } from '../../src/engine/state.js';
import { SETTLE_MS, syncCursorScan, syncFullRefresh } from '../../src/engine/sync-scan.js';
import type { Row, SyncEvent } from '../../src/engine/types.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const deps = { now: () => NOW, sleep: async () => {} };

async function collect(gen: AsyncGenerator<SyncEvent>) {
  const events: SyncEvent[] = [];
  for await (const e of gen) events.push(e);
  return events;
}

describe('cursor scan', () => {
  const rows = [
    { id: 'a', updated_at: '2026-11-03' },
    { id: 'b', updated_at: '2026-11-01' },
    { id: 'c', updated_at: '2026-11-02' },
  ];
  const planOf = (data: Row[]) => ({
    stream: 'codex_tasks',
    cursorField: 'updated_at',
    partitions: [{ workspace_id: 'w' }],
    fetchScan: async function* () {
      yield data;
    },
    cursorAt: (ms: number) => new Date(ms).toISOString(),
  });
  const plan = planOf(rows);
  const ids = (events: SyncEvent[]) =>
    events.flatMap((e) => (e.type === 'records' ? e.records.map((r) => r.row.id) : []));
  const finalState = (events: SyncEvent[]) => {
    const last = events.at(-1);
    return last?.type === 'state' ? (last.state as StreamState) : undefined;
  };

  it('given unsorted rows, then state is emitted once, at the end, at the maximum cursor', async () => {
    const events = await collect(syncCursorScan(plan, undefined, deps));
    expect(events.map((e) => e.type)).toEqual(['records', 'state']);
    expect(JSON.stringify(events[1])).toContain('2026-11-03');
  });

  it('given a saved cursor, then only rows after it are emitted', async () => {
    const prior = { states: [{ partition: { workspace_id: 'w' }, cursor: { updated_at: '2026-11-02' } }] };
    expect(ids(await collect(syncCursorScan(plan, prior, deps)))).toEqual(['a']);
  });

  it('given a second sync with no change, then it emits no row; given one row updated since, then only that one', async () => {
    const first = await collect(syncCursorScan(plan, undefined, deps));
    expect(ids(await collect(syncCursorScan(plan, finalState(first), deps)))).toEqual([]);
    const updated = planOf([...rows.slice(1), { id: 'a', updated_at: '2026-11-05' }]);
    expect(ids(await collect(syncCursorScan(updated, finalState(first), deps)))).toEqual(['a']);
  });

  it('given rows updated just before the scan began, then the cursor stops short and the next scan reads them again', async () => {
    const recent = new Date(NOW - SETTLE_MS / 2).toISOString();
    const withRecent = planOf([...rows, { id: 'd', updated_at: recent }]);
    const first = await collect(syncCursorScan(withRecent, undefined, deps));
    expect(JSON.stringify(finalState(first))).toContain(new Date(NOW - SETTLE_MS).toISOString());
    // A row the first scan had passed, updated in the same instant as d: found again, nothing lost.
    const later = planOf([...rows, { id: 'd', updated_at: recent }, { id: 'e', updated_at: recent }]);
    expect(ids(await collect(syncCursorScan(later, finalState(first), deps)))).toEqual(['d', 'e']);
  });

  it('given the scan fails midway, then no state is emitted', async () => {
    const failing = {
      ...plan,
      fetchScan: async function* () {
        yield rows;
        throw new Error('boom');
      },
    };
    const events: SyncEvent[] = [];
    await expect(
      (async () => {
        for await (const e of syncCursorScan(failing, undefined, deps)) events.push(e);
      })(),
    ).rejects.toThrow('boom');
    expect(events.some((e) => e.type === 'state')).toBe(false);
  });
});

describe('full refresh', () => {
  it('reads every partition and ends with one state', async () => {
    const events = await collect(
      syncFullRefresh(
        {
          stream: 's',
          partitions: [{ a: '1' }, { a: '2' }],
          fetchAll: async function* (p) {
            yield [{ id: p.a }];
          },
        },
        undefined,
        deps,
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['records', 'records', 'state']);
  });
});
