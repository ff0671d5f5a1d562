import { describe, expect, it } from 'vitest';
import { syncCursorScan, syncFullRefresh } from '../../src/engine/sync-scan.js';
import type { SyncEvent } from '../../src/engine/types.js';

const deps = { now: () => 0, sleep: async () => {} };

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
  const plan = {
    stream: 'codex_tasks',
    cursorField: 'updated_at',
    partitions: [{ workspace_id: 'w' }],
    fetchScan: async function* () {
      yield rows;
    },
  };

  it('given unsorted rows, then state is emitted once, at the end, at the maximum cursor', async () => {
    const events = await collect(syncCursorScan(plan, undefined, deps));
    expect(events.map((e) => e.type)).toEqual(['records', 'state']);
    expect(JSON.stringify(events[1])).toContain('2026-11-03');
  });

  it('given a saved cursor, then rows before it are filtered out and rows at it are re-emitted', async () => {
    const prior = { states: [{ partition: { workspace_id: 'w' }, cursor: { updated_at: '2026-11-02' } }] };
    const events = await collect(syncCursorScan(plan, prior, deps));
    const ids = events.flatMap((e) => (e.type === 'records' ? e.records.map((r) => r.id) : []));
    expect(ids).toEqual(['a', 'c']);
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
