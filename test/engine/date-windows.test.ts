import { describe, expect, it } from 'vitest';
import {
  lowerBound,
  syncDateWindows,
  type DateWindowPlan,
  type DayWindow,
} from '../../src/engine/sync-date-windows.js';
import type { StreamState } from '../../src/engine/state.js';
import type { Row, SyncEvent } from '../../src/engine/types.js';

const NOW = Date.parse('2026-11-22T10:00:00Z');
const deps = { now: () => NOW, sleep: async () => {} };

function plan(rowsByWs: Record<string, Row[][]>, extra: Partial<DateWindowPlan> = {}) {
  const windows: { ws: string | undefined; window: DayWindow }[] = [];
  const p: DateWindowPlan = {
    stream: 'usage',
    cursorField: 'date',
    partitions: Object.keys(rowsByWs).map((ws) => ({ workspace_id: ws })),
    startDate: undefined,
    lookbackDays: 2,
    maxDaysBack: 90,
    fetchWindow: async function* (partition, window) {
      windows.push({ ws: partition.workspace_id, window });
      for (const page of rowsByWs[partition.workspace_id ?? ''] ?? []) yield page;
    },
    ...extra,
  };
  return { p, windows };
}

async function run(p: DateWindowPlan, prior?: StreamState) {
  const events: SyncEvent[] = [];
  for await (const e of syncDateWindows(p, prior, deps)) events.push(e);
  return events;
}

describe('date windows', () => {
  it('given no state and no start_date, then the window starts at the 90-day limit and ends at the signpost', async () => {
    const { p, windows } = plan({ w1: [] });
    await run(p);
    expect(windows).toEqual([{ ws: 'w1', window: { startDay: '2026-08-25', endMs: NOW } }]);
  });

  it('given a start_date beyond 90 days, then it is clamped with a WARN', async () => {
    const { p } = plan({ w1: [] }, { startDate: '2026-01-01' });
    const events = await run(p);
    expect(events[0]).toMatchObject({ type: 'log', level: 'WARN' });
    expect(JSON.stringify(events[0])).toContain('2026-08-25');
  });

  it('given an API without a limit and no start_date, then the first sync goes defaultDaysBack deep', () => {
    const { p } = plan({}, { maxDaysBack: null, defaultDaysBack: 30 });
    expect(lowerBound(p, undefined, '2026-11-22')).toEqual({ day: '2026-10-24' });
  });

  it('given a lookback that would reach before start_date, then start_date is the floor', () => {
    const { p } = plan({}, { startDate: '2026-11-19' });
    expect(lowerBound(p, '2026-11-20', '2026-11-22')).toEqual({ day: '2026-11-19' });
  });

  it('given a saved cursor, then the next window starts lookback_days before it', () => {
    const { p } = plan({});
    expect(lowerBound(p, '2026-11-20', '2026-11-22')).toEqual({ day: '2026-11-18' });
  });

  it('given rows over three days, then it checkpoints after each completed day and at the end', async () => {
    const d = (date: string) => ({ date });
    const { p } = plan({ w1: [[d('2026-11-19'), d('2026-11-19')], [d('2026-11-20')], [d('2026-11-21')]] });
    const events = await run(p);
    const cursors = events.filter((e) => e.type === 'state').map((e) => JSON.stringify(e.state));
    expect(cursors).toEqual([
      JSON.stringify({ states: [{ partition: { workspace_id: 'w1' }, cursor: { date: '2026-11-19' } }] }),
      JSON.stringify({ states: [{ partition: { workspace_id: 'w1' }, cursor: { date: '2026-11-20' } }] }),
      JSON.stringify({ states: [{ partition: { workspace_id: 'w1' }, cursor: { date: '2026-11-21' } }] }),
    ]);
    // The first state comes only after both rows of 2026-11-19 were handed out.
    const firstState = events.findIndex((e) => e.type === 'state');
    const before = events.slice(0, firstState).flatMap((e) => (e.type === 'records' ? e.records : []));
    expect(before).toHaveLength(2);
  });

  it('given a far-future state, then it makes no request, yields no record and still one state', async () => {
    const { p, windows } = plan({ w1: [[{ date: '2026-11-20' }]] });
    const prior = { states: [{ partition: { workspace_id: 'w1' }, cursor: { date: '2099-01-01' } }] };
    const events = await run(p, prior);
    expect(windows).toHaveLength(0);
    expect(events.filter((e) => e.type === 'records')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'state')).toHaveLength(1);
  });

  it('keeps each workspace its own cursor, and partitions that are no longer configured', async () => {
    const { p } = plan({ w1: [[{ date: '2026-11-21' }]], w2: [] });
    const prior = { states: [{ partition: { workspace_id: 'gone' }, cursor: { date: '2026-10-01' } }] };
    const events = await run(p, prior);
    const last = events.filter((e) => e.type === 'state').at(-1);
    expect(last?.type === 'state' && last.state.states).toEqual([
      { partition: { workspace_id: 'gone' }, cursor: { date: '2026-10-01' } },
      { partition: { workspace_id: 'w1' }, cursor: { date: '2026-11-21' } },
    ]);
  });

  it('never moves a cursor backwards when the lookback re-reads older days only', async () => {
    const { p } = plan({ w1: [[{ date: '2026-11-18' }]] });
    const prior = { states: [{ partition: { workspace_id: 'w1' }, cursor: { date: '2026-11-20' } }] };
    const events = await run(p, prior);
    const last = events.filter((e) => e.type === 'state').at(-1);
    expect(JSON.stringify(last)).toContain('2026-11-20');
  });
});
