import { describe, expect, it } from 'vitest';
import {
  lowerBound,
  syncDateWindows,
  type DateWindowPlan,
  type DayWindow,
} from '../../src/engine/sync-date-windows.js';
import { SourceError } from '../../src/engine/errors.js';
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
  it('given no state and no start_date, then the window starts at today-90 (90 complete days) and ends at the signpost', async () => {
    const { p, windows } = plan({ w1: [] });
    await run(p);
    expect(windows).toEqual([{ ws: 'w1', window: { startDay: '2026-08-24', endMs: NOW } }]);
  });

  it('given a start_date of exactly today-90, then it is not clamped and gets no warning', async () => {
    const { p, windows } = plan({ w1: [] }, { startDate: '2026-08-24' });
    const events = await run(p);
    expect(windows[0]?.window.startDay).toBe('2026-08-24');
    expect(events.filter((e) => e.type === 'log')).toEqual([]);
  });

  it('given a start_date beyond 90 days, then it is clamped with a WARN', async () => {
    const { p } = plan({ w1: [] }, { startDate: '2026-01-01' });
    const events = await run(p);
    expect(events[0]).toMatchObject({ type: 'log', level: 'WARN' });
    expect(JSON.stringify(events[0])).toContain('reading from 2026-08-24');
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
    const before = events
      .slice(0, firstState)
      .flatMap((e) => (e.type === 'records' ? e.records.map((r) => r.row) : []));
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

  it('given a row dated after today, then it is emitted but the cursor stops at today, with a WARN naming the stream and the day', async () => {
    const { p } = plan({ w1: [[{ date: '2026-11-21' }, { date: '2099-01-01' }]] });
    const events = await run(p);
    const records = events.flatMap((e) => (e.type === 'records' ? e.records.map((r) => r.row) : []));
    expect(records.map((r) => r.date)).toEqual(['2026-11-21', '2099-01-01']);
    const states = events.filter((e) => e.type === 'state').map((e) => JSON.stringify(e));
    expect(states.every((s) => !s.includes('2099'))).toBe(true);
    expect(states.at(-1)).toContain('"date":"2026-11-22"');
    const warns = events.filter((e) => e.type === 'log' && e.level === 'WARN');
    expect(warns).toHaveLength(1);
    expect(JSON.stringify(warns[0])).toMatch(/usage: .*2099-01-01.*2026-11-22T10:00:00.000Z/);
  });

  describe('a server that refuses the 90-day boundary', () => {
    const refusing = (refusals: number) => {
      const asked: string[] = [];
      const { p } = plan(
        {},
        {
          partitions: [{ workspace_id: 'w1' }],
          fetchWindow: async function* (_partition, window) {
            asked.push(window.startDay);
            if (asked.length <= refusals)
              throw new SourceError('start_time too old', {
                code: 'HTTP_422',
                failureType: 'system_error',
                status: 422,
              });
            yield [{ date: window.startDay }];
          },
        },
      );
      return { p, asked };
    };

    it('given a 422 at today-90, then it steps forward one day, once, and says so in a WARN', async () => {
      const { p, asked } = refusing(1);
      const events = await run(p);
      expect(asked).toEqual(['2026-08-24', '2026-08-25']);
      const warn = events.find((e) => e.type === 'log');
      expect(JSON.stringify(warn)).toMatch(/usage: the API refused 2026-08-24.*reading from 2026-08-25/);
      expect(events.some((e) => e.type === 'records')).toBe(true);
    });

    it('given a second 422, then it fails instead of stepping again', async () => {
      const { p, asked } = refusing(2);
      await expect(run(p)).rejects.toMatchObject({ status: 422 });
      expect(asked).toEqual(['2026-08-24', '2026-08-25']);
    });

    it('given a 422 for a window that does not start at the boundary, then it fails as before', async () => {
      const { p, asked } = refusing(1);
      p.startDate = '2026-11-01';
      await expect(run(p)).rejects.toMatchObject({ status: 422 });
      expect(asked).toEqual(['2026-11-01']);
    });
  });
});
