// Fake listings and downloads for the Compliance log sync tests: no HTTP, no real clock.
import type { Page } from '../../src/engine/paging.js';
import type { LocalLogFile, LogEventsPlan } from '../../src/logs/sync-events.js';
import type { LogListing } from '../../src/logs/sync-files.js';
import type { Row, SyncEvent } from '../../src/engine/types.js';

export const NOW = Date.parse('2026-11-20T12:00:00Z');
export const deps = { now: () => NOW, sleep: async () => undefined };
export const P = { workspace_id: 'ws1', event_type: 'CODEX_LOG' };
export const end = (n: number) =>
  `2026-11-${String(10 + n).padStart(2, '0')}T00:00:00.${String(n).padStart(6, '0')}Z`;

export interface FakeFile {
  id: string;
  end_time: string;
  lines: string[];
}

export function fakeFiles(n: number, perFile = 3): FakeFile[] {
  return Array.from({ length: n }, (_, f) => ({
    id: `f${f}`,
    end_time: end(f),
    // Each file repeats the previous file's last event first: delivery is at least once.
    lines: [
      ...(f > 0 ? [JSON.stringify({ event_id: `e${f - 1}-${perFile - 1}` })] : []),
      ...Array.from({ length: perFile }, (_, i) => JSON.stringify({ event_id: `e${f}-${i}` })),
    ],
  }));
}

/** A listing of `files` two per page, with the API's strict `after`. */
export function listing(files: FakeFile[], sent: string[] = []): LogListing {
  return {
    stream: 'logs',
    cursorField: 'end',
    partitions: [P],
    startDate: '2026-11-01',
    maxDaysBack: 30,
    listPage: async (_p, after): Promise<Page<Row>> => {
      sent.push(after);
      const later = files.filter((f) => f.end_time > after);
      const rows = later.slice(0, 2).map((f) => ({ id: f.id, end_time: f.end_time }));
      return { rows, hasMore: later.length > 2, next: rows.at(-1)?.end_time ?? null };
    },
  };
}

export function local(lines: string[], disposed: string[], id: string): LocalLogFile {
  return {
    lines: async function* () {
      for (const [i, text] of lines.entries()) {
        try {
          yield { line: i + 1, value: JSON.parse(text) as unknown };
        } catch (e) {
          yield { line: i + 1, error: String(e) };
        }
      }
    },
    dispose: async () => void disposed.push(id),
  };
}

export function eventsPlan(
  files: FakeFile[],
  over: Partial<LogEventsPlan> = {},
  disposed: string[] = [],
): LogEventsPlan {
  return {
    ...listing(files),
    fetchFile: async (_p, f) => local(files.find((x) => x.id === f.id)?.lines ?? [], disposed, f.id),
    toRecords: (events, _p, f) => events.map(({ row }) => ({ row: { ...row, file: f.id } })),
    skipMalformed: false,
    prefetch: 3,
    concurrentPartitions: 1,
    ...over,
  };
}

export async function collect(
  gen: AsyncIterable<SyncEvent>,
): Promise<{ events: SyncEvent[]; error?: unknown }> {
  const events: SyncEvent[] = [];
  try {
    for await (const e of gen) events.push(e);
  } catch (error) {
    return { events, error };
  }
  return { events };
}

export const records = (events: SyncEvent[]) =>
  events.flatMap((e) => (e.type === 'records' ? e.records.map((r) => r.row) : []));
export const cursorsOf = (events: SyncEvent[]) =>
  events.flatMap((e) => (e.type === 'state' ? [e.state.states?.[0]?.cursor.end] : []));
