// The Compliance log file listing with a fake API: where it starts, how it pages, when it fails.
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/engine/errors.js';
import { listingStart, syncLogFiles, type LogListing } from '../../src/logs/sync-files.js';
import { collect, cursorsOf, deps, end, fakeFiles, listing, NOW, P, records } from './fakes.js';

describe('listingStart', () => {
  const l = listing([]);
  it('given a saved cursor, then it sends it back verbatim', () => {
    expect(listingStart(l, '2026-11-19T00:00:00.123456Z', NOW)).toEqual({
      after: '2026-11-19T00:00:00.123456Z',
    });
  });
  it('given start_date within 30 days, then it starts at that day 00:00Z', () => {
    expect(listingStart(l, undefined, NOW)).toEqual({ after: '2026-11-01T00:00:00Z' });
  });
  it('given start_date older than 30 days, then it clamps to 30 days back and says from what', () => {
    expect(listingStart({ ...l, startDate: '2026-01-01' }, undefined, NOW)).toEqual({
      after: '2026-10-21T12:00:00.000Z',
      clampedFrom: '2026-01-01',
    });
  });
});

describe('syncLogFiles', () => {
  it('given three pages, then it emits every file and checkpoints after each page with the last end_time', async () => {
    const files = fakeFiles(5);
    const sent: string[] = [];
    const { events } = await collect(
      syncLogFiles({ ...listing(files, sent), toRecords: (r) => r }, undefined, deps),
    );
    expect(records(events).map((r) => r.id)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(cursorsOf(events)).toEqual([end(1), end(3), end(4), end(4)]);
    expect(sent).toEqual(['2026-11-01T00:00:00Z', end(1), end(3)]);
  });

  it('given start_date past the 30 days the API keeps, then it warns once and starts 30 days back', async () => {
    const files = fakeFiles(2);
    const sent: string[] = [];
    const plan = {
      ...listing(files, sent),
      startDate: '2026-01-01',
      partitions: [P, { ...P, event_type: 'X' }],
    };
    const { events } = await collect(syncLogFiles({ ...plan, toRecords: (r) => r }, undefined, deps));
    const warnings = events.filter((e) => e.type === 'log' && e.level === 'WARN');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      message: expect.stringMatching(/2026-01-01 is more than 30 days back/),
    });
    expect(sent).toEqual(['2026-10-21T12:00:00.000Z', '2026-10-21T12:00:00.000Z']);
  });

  it.each([
    ['null', null, /last_end_time null/],
    ['the after just sent', end(1), /does not advance/],
    ['an earlier instant written with more digits', end(1).replace('Z', '000Z'), /does not advance/],
  ])(
    'given has_more with last_end_time %s, then it fails clearly instead of looping',
    async (_n, next, pattern) => {
      const l = listing(fakeFiles(5));
      let calls = 0;
      const broken: LogListing = {
        ...l,
        listPage: async (p, after) => {
          const page = await l.listPage(p, after);
          return calls++ === 1 ? { ...page, next } : page;
        },
      };
      const { error } = await collect(syncLogFiles({ ...broken, toRecords: (r) => r }, undefined, deps));
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).failureType).toBe('system_error');
      expect((error as SourceError).message).toMatch(pattern);
      expect(calls).toBe(2);
    },
  );
});
