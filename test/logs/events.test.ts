// The Compliance event sync with fake listings and downloads: dedupe, retries, malformed lines, and
// checkpoints that never run ahead of emitted events.
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/engine/errors.js';
import type { StreamState } from '../../src/engine/state.js';
import { syncLogEvents, type LogEventsPlan } from '../../src/logs/sync-events.js';
import { collect, cursorsOf, deps, end, eventsPlan, fakeFiles, P, records } from './fakes.js';

describe('syncLogEvents', () => {
  it('given files that repeat events, then each event is emitted once and state follows each file', async () => {
    const files = fakeFiles(6);
    const disposed: string[] = [];
    const { events, error } = await collect(syncLogEvents(eventsPlan(files, {}, disposed), undefined, deps));
    expect(error).toBeUndefined();
    const ids = records(events).map((r) => r.event_id);
    expect(ids).toHaveLength(18);
    expect(new Set(ids).size).toBe(18);
    expect(cursorsOf(events)).toEqual([...files.map((f) => f.end_time), end(5)]);
    expect(disposed.sort()).toEqual(files.map((f) => f.id).sort());
    expect(events.some((e) => e.type === 'log' && /dropped 5 duplicate/.test(e.message))).toBe(true);
  });

  it('given a file whose lines fail midway, then state never moves past the last complete file', async () => {
    const files = fakeFiles(5);
    const disposed: string[] = [];
    const plan = eventsPlan(files, {}, disposed);
    const broken: LogEventsPlan = {
      ...plan,
      fetchFile: async (p, f, log) => {
        const file = await plan.fetchFile(p, f, log);
        if (f.id !== 'f2') return file;
        return {
          ...file,
          lines: async function* () {
            yield { line: 1, value: { event_id: 'x' } };
            throw new SourceError('disk went away', { code: 'X', failureType: 'system_error' });
          },
        };
      },
    };
    const { events, error } = await collect(syncLogEvents(broken, undefined, deps));
    expect((error as Error).message).toBe('disk went away');
    expect(cursorsOf(events)).toEqual([end(0), end(1)]);
    expect(disposed.sort()).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']); // prefetched files were cleaned up too
  });

  it('given a transfer that fails once, then it retries the file with a LOG line and completes', async () => {
    const files = fakeFiles(3);
    const plan = eventsPlan(files);
    let failures = 0;
    const flaky: LogEventsPlan = {
      ...plan,
      fetchFile: async (p, f, log) => {
        if (f.id === 'f1' && failures++ === 0)
          throw new SourceError('sha256 mismatch', {
            code: 'SHA',
            failureType: 'transient_error',
            retryable: true,
          });
        return plan.fetchFile(p, f, log);
      },
    };
    const { events, error } = await collect(syncLogEvents(flaky, undefined, deps));
    expect(error).toBeUndefined();
    expect(records(events)).toHaveLength(9);
    expect(
      events.some((e) => e.type === 'log' && /Retrying logs: log file f1 .*sha256 mismatch/.test(e.message)),
    ).toBe(true);
  });

  it('given a transfer that always fails, then the stream fails after a few attempts, state at the file before', async () => {
    const files = fakeFiles(3);
    const plan = eventsPlan(files);
    let attempts = 0;
    const bad: LogEventsPlan = {
      ...plan,
      fetchFile: async (p, f, log) => {
        if (f.id !== 'f1') return plan.fetchFile(p, f, log);
        attempts++;
        throw new SourceError('sha256 mismatch', {
          code: 'SHA',
          failureType: 'transient_error',
          retryable: true,
        });
      },
    };
    const { events, error } = await collect(syncLogEvents(bad, undefined, deps));
    expect((error as SourceError).code).toBe('SHA');
    expect(attempts).toBeGreaterThan(1);
    expect(attempts).toBeLessThanOrEqual(6);
    expect(cursorsOf(events)).toEqual([end(0)]);
    expect(events.filter((e) => e.type === 'log' && /Retrying/.test(e.message))).toHaveLength(attempts - 1);
  });

  it('given a malformed line, then it fails naming file and line; with skipping on, it counts and warns', async () => {
    const files = fakeFiles(3);
    files[1]?.lines.splice(2, 0, '{"event_id": "broken"');
    const failed = await collect(syncLogEvents(eventsPlan(files), undefined, deps));
    expect((failed.error as SourceError).message).toMatch(/log file f1 .*line 3 is malformed/);
    expect(cursorsOf(failed.events)).toEqual([end(0)]);
    const skipped = await collect(syncLogEvents(eventsPlan(files, { skipMalformed: true }), undefined, deps));
    expect(skipped.error).toBeUndefined();
    expect(records(skipped.events)).toHaveLength(9);
    const warn = skipped.events.find((e) => e.type === 'log' && e.level === 'WARN');
    expect(warn).toMatchObject({
      message: expect.stringMatching(/skipped 1 malformed log line\(s\).*f1 line 3/),
    });
  });

  it('given a saved cursor, then it lists after it and re-emits nothing before it', async () => {
    const files = fakeFiles(4);
    const prior: StreamState = { states: [{ partition: P, cursor: { end: end(1) } }] };
    const { events } = await collect(syncLogEvents(eventsPlan(files), prior, deps));
    expect(new Set(records(events).map((r) => r.file))).toEqual(new Set(['f2', 'f3']));
  });

  it('given partitions read side by side, then every state only covers files whose events were all emitted', async () => {
    const parts = ['A', 'B', 'C'].map((t) => ({ workspace_id: `ws${t}`, event_type: 'CODEX_LOG' }));
    const files = fakeFiles(6);
    const plan = eventsPlan(files, { partitions: parts, concurrentPartitions: 3, prefetch: 2 });
    const slow: LogEventsPlan = {
      ...plan,
      fetchFile: async (p, f, log) => {
        await new Promise((r) => setTimeout(r, (f.id.charCodeAt(1) * 7 + (p.workspace_id ?? '').length) % 5));
        return plan.fetchFile(p, f, log);
      },
      toRecords: (events, p, f) =>
        events.map(({ row }) => ({ row: { ...row, file: f.id, ws: p.workspace_id } })),
    };
    const emitted = new Map<string, number>();
    let interleaved = false;
    let lastWs = '';
    for await (const e of syncLogEvents(slow, undefined, deps)) {
      if (e.type === 'records') {
        for (const { row: r } of e.records) {
          const key = `${String(r.ws)}/${String(r.file)}`;
          emitted.set(key, (emitted.get(key) ?? 0) + 1);
          if (lastWs !== '' && r.ws !== lastWs && emitted.size < 18) interleaved = true;
          lastWs = String(r.ws);
        }
      }
      if (e.type !== 'state') continue;
      for (const s of e.state.states ?? []) {
        const done = files.filter((f) => f.end_time <= String(s.cursor.end));
        // The first file of a partition has 3 events; the others repeat one of the file before (dropped).
        for (const f of done) expect(emitted.get(`${s.partition.workspace_id}/${f.id}`), f.id).toBe(3);
      }
    }
    expect(emitted.size).toBe(18);
    expect(interleaved).toBe(true);
  });
});
