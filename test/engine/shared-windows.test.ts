import { describe, expect, it } from 'vitest';
import { PageSizes, refusesLimit, sizedPages, smallerSize } from '../../src/api/page-size.js';
import { SourceError } from '../../src/engine/errors.js';
import type { DayWindow } from '../../src/engine/sync-date-windows.js';
import {
  CUT_ROWS,
  syncSharedWindows,
  type MemberEvent,
  type SharedWindowPlan,
} from '../../src/engine/sync-shared-windows.js';
import type { Row } from '../../src/engine/types.js';

const NOW = Date.parse('2026-11-22T10:00:00Z');
const deps = { now: () => NOW, sleep: async () => {} };

const day = (d: string, user: string): Row => ({ date: d, user });
const stateOf = (cursor: string) => ({
  states: [{ partition: { workspace_id: 'w1' }, cursor: { date: cursor } }],
});

function plan(pages: Row[][], extra: Partial<SharedWindowPlan> = {}) {
  const windows: DayWindow[] = [];
  const p: SharedWindowPlan = {
    members: [
      { stream: 'a', cursorField: 'date', prior: undefined },
      { stream: 'b', cursorField: 'date', prior: undefined },
    ],
    partitions: [{ workspace_id: 'w1' }],
    startDate: '2026-11-10',
    lookbackDays: 0,
    maxDaysBack: 90,
    fetchWindow: async function* (_partition, window) {
      windows.push(window);
      for (const page of pages) yield page;
    },
    cut: (rows, _p, members) => members.map(() => rows.map((r) => ({ ...r }))),
    ...extra,
  };
  return { p, windows };
}

async function run(p: SharedWindowPlan): Promise<MemberEvent[]> {
  const events: MemberEvent[] = [];
  for await (const e of syncSharedWindows(p, deps)) events.push(e);
  return events;
}

const recordsOf = (events: MemberEvent[], member: number) =>
  events.flatMap((e) =>
    e.member === member && 'event' in e && e.event.type === 'records'
      ? e.event.records.map((r) => r.row)
      : [],
  );

describe('shared date windows', () => {
  it('given members at different cursors, then one read starts at the earliest and each skips what it has', async () => {
    const rows = [day('2026-11-12', 'u'), day('2026-11-15', 'u'), day('2026-11-20', 'u')];
    const { p, windows } = plan([rows], {
      members: [
        { stream: 'a', cursorField: 'date', prior: stateOf('2026-11-12') },
        { stream: 'b', cursorField: 'date', prior: stateOf('2026-11-18') },
      ],
    });
    const events = await run(p);
    expect(windows.map((w) => w.startDay)).toEqual(['2026-11-12']);
    expect(recordsOf(events, 0).map((r) => r.date)).toEqual(['2026-11-12', '2026-11-15', '2026-11-20']);
    expect(recordsOf(events, 1).map((r) => r.date)).toEqual(['2026-11-20']);
  });

  it('given one member fails to cut its records, then only it reports an error and the other completes', async () => {
    const rows = [day('2026-11-12', 'u'), day('2026-11-13', 'u')];
    const { p } = plan([rows], {
      cut: (r, _p, members) => members.map((i) => (i === 1 ? { error: new Error('bad row') } : r)),
    });
    const events = await run(p);
    expect(events.filter((e) => 'error' in e).map((e) => e.member)).toEqual([1]);
    expect(recordsOf(events, 0)).toHaveLength(2);
    const finals = events.filter((e) => 'event' in e && e.event.type === 'state').map((e) => e.member);
    expect(finals.at(-1)).toBe(0);
    expect(finals).not.toContain(1);
  });

  it('given a page larger than a cut, then members get it in slices, each state after its records', async () => {
    const big = Array.from({ length: CUT_ROWS * 2 + 5 }, (_, i) =>
      day(i < CUT_ROWS ? '2026-11-12' : '2026-11-13', `u${i}`),
    );
    const cuts: number[] = [];
    const { p } = plan([big], {
      cut: (rows, _p, members) => {
        cuts.push(rows.length);
        return members.map(() => rows);
      },
    });
    const events = await run(p);
    expect(cuts).toEqual([CUT_ROWS, CUT_ROWS, 5]);
    expect(recordsOf(events, 0)).toHaveLength(big.length);
    // member 0's checkpoint of 2026-11-12 comes after all its records of that day and before any of the 13th
    const mine = events.filter((e) => e.member === 0 && 'event' in e);
    const firstState = mine.findIndex((e) => 'event' in e && e.event.type === 'state');
    const before = recordsOf(mine.slice(0, firstState), 0);
    expect(before.every((r) => r.date === '2026-11-12')).toBe(true);
    expect(before).toHaveLength(CUT_ROWS);
  });
});

describe('page size', () => {
  const refusal = (said: string) =>
    new SourceError(`Codex Analytics API GET /usage: refused (422). The API said: ${said}`, {
      code: 'HTTP_422',
      failureType: 'system_error',
      status: 422,
    });

  it('given a 422 that names limit, then it is a refusal of the size; other 422s are not', () => {
    expect(refusesLimit(refusal('query.limit: ensure this value is between 1 and 10000'))).toBe(true);
    expect(refusesLimit(refusal('query.start_time: too far back'))).toBe(false);
  });

  it('given a stated maximum, then it is the next size; else the next step down', () => {
    expect(smallerSize(30_000, 'query.limit: ensure this value is between 1 and 10000')).toBe(10_000);
    expect(smallerSize(30_000, 'query.limit: too large')).toBe(10_000);
    expect(smallerSize(1_000, 'query.limit: too large')).toBe(500);
    expect(smallerSize(1, 'query.limit: too large')).toBeNull();
  });

  it('given a refusal before any page, then it retries smaller and remembers the size; after a page, it fails', async () => {
    const sizes = new PageSizes();
    const asked: number[] = [];
    const open = async function* (size: number) {
      asked.push(size);
      if (size > 2_000) throw refusal('query.limit: ensure this value is between 1 and 2000');
      yield [size];
    };
    const pages: number[][] = [];
    for await (const page of sizedPages(sizes, 'usage', 30_000, open, () => {})) pages.push(page);
    expect(asked).toEqual([30_000, 2_000]);
    expect(pages).toEqual([[2_000]]);
    expect(sizes.sizeFor('usage', 30_000)).toBe(2_000);
    const late = async function* () {
      yield [1];
      throw refusal('query.limit: too large');
    };
    await expect(async () => {
      for await (const _ of sizedPages(sizes, 'other', 30_000, late, () => {})) void _;
    }).rejects.toThrow(/422/);
  });
});
