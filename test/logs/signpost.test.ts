// The Compliance listing against a lying API: files stamped in the future, listings that never end, a
// last_end_time that creeps forward over empty pages. Cursors stop at the signpost; loops stop.
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/engine/paging.js';
import { MAX_PAGES_WITHOUT_PROGRESS } from '../../src/engine/progress.js';
import { syncLogEvents } from '../../src/logs/sync-events.js';
import { syncLogFiles, type LogListing } from '../../src/logs/sync-files.js';
import type { Row } from '../../src/engine/types.js';
import { collect, cursorsOf, deps, end, eventsPlan, fakeFiles, listing, NOW, records } from './fakes.js';

const SIGNPOST = new Date(NOW).toISOString();
const FUTURE = '2099-01-01T00:00:00.000001Z';
const toRecords = (rows: Row[]) => rows;

/** A listing answered by `page(n, after)` for the n-th request (from 0); fails the test if it never stops. */
function scripted(page: (n: number, after: string) => Page<Row>): LogListing & { sent: string[] } {
  const sent: string[] = [];
  return {
    ...listing([]),
    sent,
    listPage: async (_p, after) => {
      if (sent.length > 10 * MAX_PAGES_WITHOUT_PROGRESS) throw new Error('the listing did not stop');
      sent.push(after);
      return page(sent.length - 1, after);
    },
  };
}

describe('log listings and the signpost', () => {
  it('given a file stamped in the future, then it is emitted, the cursor stops at the signpost and a WARN names the stream and time', async () => {
    const files = [...fakeFiles(2), { id: 'future', end_time: FUTURE, lines: [] }];
    const { events, error } = await collect(syncLogFiles({ ...listing(files), toRecords }, undefined, deps));
    expect(error).toBeUndefined();
    expect(records(events).map((r) => r.id)).toEqual(['f0', 'f1', 'future']);
    expect(cursorsOf(events)).toEqual([end(1), SIGNPOST, SIGNPOST]);
    const warns = events.filter((e) => e.type === 'log' && e.level === 'WARN');
    expect(warns).toHaveLength(1);
    expect(JSON.stringify(warns[0])).toMatch(
      /logs: log file future .*stamped 2099-01-01.*2026-11-20T12:00:00.000Z/,
    );
  });

  it('given that state, then the next sync still lists the real files after the signpost', async () => {
    const real = { id: 'real', end_time: '2026-11-20T12:30:00Z', lines: [] };
    const files = [real, { id: 'future', end_time: FUTURE, lines: [] }];
    const prior = { states: [{ partition: listing([]).partitions[0] ?? {}, cursor: { end: SIGNPOST } }] };
    const later = { now: () => NOW + 3_600_000, sleep: deps.sleep };
    const { events } = await collect(syncLogFiles({ ...listing(files), toRecords }, prior, later));
    expect(records(events).map((r) => r.id)).toEqual(['real', 'future']);
  });

  it('given compliance_logs and a file stamped in the future, then its events are emitted and the cursor stops at the signpost', async () => {
    const files = [...fakeFiles(1), { id: 'future', end_time: FUTURE, lines: ['{"event_id":"z"}'] }];
    const { events, error } = await collect(syncLogEvents(eventsPlan(files), undefined, deps));
    expect(error).toBeUndefined();
    expect(records(events).map((r) => r.event_id)).toContain('z');
    expect(cursorsOf(events).at(-1)).toBe(SIGNPOST);
    expect(JSON.stringify(events)).not.toContain(`"end":"${FUTURE}"`);
  });

  it('given a listing that keeps handing out new files past the signpost, then it stops at the signpost', async () => {
    const l = scripted((n) => {
      const t = new Date(NOW - 3_600_000 + n * 1_800_000).toISOString();
      return { rows: [{ id: `f${n}`, end_time: t }], hasMore: true, next: t };
    });
    const { events, error } = await collect(syncLogFiles({ ...l, toRecords }, undefined, deps));
    expect(error).toBeUndefined();
    expect(records(events).map((r) => r.id)).toEqual(['f0', 'f1', 'f2']);
    expect(l.sent).toHaveLength(3);
    expect(cursorsOf(events).at(-1)).toBe(SIGNPOST);
  });

  it('given last_end_time creeping forward a second at a time over empty pages, then it stops with PAGING_NO_PROGRESS', async () => {
    const start = Date.parse('2026-11-01T00:00:00Z');
    const l = scripted((n) => ({
      rows: [],
      hasMore: true,
      next: new Date(start + (n + 1) * 1000).toISOString(),
    }));
    const { error } = await collect(syncLogFiles({ ...l, toRecords }, undefined, deps));
    expect(error).toMatchObject({ code: 'PAGING_NO_PROGRESS', failureType: 'system_error' });
    expect((error as Error).message).toMatch(/logs \(workspace ws1, CODEX_LOG\)/);
    expect(l.sent).toHaveLength(MAX_PAGES_WITHOUT_PROGRESS);
  });

  it('given the same file again and again under a creeping last_end_time, then it is emitted once and the loop stops', async () => {
    const start = Date.parse('2026-11-01T00:00:00Z');
    const file = { id: 'same', end_time: '2026-11-01T00:00:00.5Z' };
    const l = scripted((n) => ({
      rows: [file],
      hasMore: true,
      next: new Date(start + (n + 1) * 1000).toISOString(),
    }));
    const { events, error } = await collect(syncLogFiles({ ...l, toRecords }, undefined, deps));
    expect(error).toMatchObject({ code: 'PAGING_NO_PROGRESS' });
    expect(records(events).map((r) => r.id)).toEqual(['same']);
  });
});
