// Several date_windows streams whose requests are identical (same path, query and window: `usage`,
// `usage_by_client`, `usage_by_model`) read the API once: each page is cut into every member's records.
// State stays per member, and each member checkpoints exactly as it would alone.
//
// Where members' cursors differ, the shared read starts at the earliest lower bound and each member skips the
// records before its own. We chose this over "the stream that is behind reads the extra days alone": one window
// is never more requests than two (the gap, then the rest), and a member's state never depends on another's.
import { dayOf } from './dates.js';
import { fromBoundary } from './date-boundary.js';
import { MemberDays } from './member-days.js';
import { FutureStamps } from './signpost.js';
import { lowerBound, type DateWindowBounds, type DayWindow } from './sync-date-windows.js';
import { PartitionCursors, type StreamState } from './state.js';
import type { EngineDeps, Partition, Row, SyncEvent } from './types.js';

export interface WindowMember {
  stream: string;
  cursorField: string;
  prior: StreamState | undefined;
}

/** A member's records for a slice of a page, or why it could not cut them (that member alone fails). */
export type MemberCut = Row[] | { error: unknown };

export interface SharedWindowPlan extends DateWindowBounds {
  members: WindowMember[];
  partitions: Partition[];
  /** API rows of one partition and window, page by page, in ascending time. */
  fetchWindow(partition: Partition, window: DayWindow): AsyncIterable<Row[]>;
  /** Rows → each listed member's records, in the order of `members` given. */
  cut(rows: Row[], partition: Partition, members: readonly number[]): MemberCut[];
}

/** How a read loop finds and opens shared reads; `D` is the stream's definition (the engine needs none). */
export interface SharedReads<D> {
  /** Streams with equal keys send identical requests; undefined for a stream that reads alone. */
  key(def: D): string | undefined;
  open(members: readonly { def: D; prior: StreamState | undefined }[]): AsyncIterable<MemberEvent>;
}

/** One turn of the event loop (emitting resolves at once while stdout keeps up, which would starve I/O). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const RELEASED: Row = Object.freeze({}) as Row;

export type MemberEvent = { member: number; event: SyncEvent } | { member: number; error: unknown };

/** Rows cut at a time: a page of 30,000 is never held as records of every member at once. */
export const CUT_ROWS = 2_000;

export async function* syncSharedWindows(
  plan: SharedWindowPlan,
  deps: EngineDeps,
): AsyncGenerator<MemberEvent> {
  const signpost = deps.now();
  const today = dayOf(signpost);
  const cursors = plan.members.map((m) => new PartitionCursors(m.cursorField, m.prior));
  const futures = plan.members.map((m) => new FutureStamps(m.stream, new Date(signpost).toISOString()));
  const failed = new Set<number>();
  for (const partition of plan.partitions) {
    const lower = new Map<number, string>();
    let atLimit = false;
    for (const [i, member] of plan.members.entries()) {
      if (failed.has(i)) continue;
      const saved = cursors[i]?.get(partition);
      const bound = lowerBound(plan, typeof saved === 'string' ? saved : undefined, today);
      if (bound.clampedFrom !== undefined) {
        const message = `${member.stream}: ${bound.clampedFrom} is more than ${plan.maxDaysBack} days back, the API's limit; reading from ${bound.day} instead.`;
        yield { member: i, event: { type: 'log', level: 'WARN', message } };
      }
      if (bound.day <= today) lower.set(i, bound.day);
      // The limit is the earliest day there is, so a member at it starts the shared window there.
      if (bound.atLimit && bound.day <= today) atLimit = true;
    }
    if (lower.size === 0) continue;
    const startDay = [...lower.values()].sort()[0] as string;
    const days = new MemberDays(plan, cursors, partition, lower, { today, futures });
    const read = (from: string) =>
      readPartition(plan, partition, { startDay: from, endMs: signpost }, days, failed);
    const streams = [...lower.keys()].map((i) => plan.members[i]?.stream).join(', ');
    yield* atLimit
      ? fromBoundary(streams, startDay, read, {
          isData: (e) => !('event' in e) || e.event.type !== 'log',
          warn: (message) => [...lower.keys()].map((member) => ({ member, event: warning(message) })),
        })
      : read(startDay);
  }
  for (const [i, c] of cursors.entries()) {
    if (!failed.has(i)) yield { member: i, event: { type: 'state', state: c.snapshot() } };
  }
}

const warning = (message: string): SyncEvent => ({ type: 'log', level: 'WARN', message });

async function* readPartition(
  plan: SharedWindowPlan,
  partition: Partition,
  window: DayWindow,
  days: MemberDays,
  failed: Set<number>,
): AsyncGenerator<MemberEvent> {
  for await (const page of plan.fetchWindow(partition, window)) {
    for (let at = 0; at < page.length; at += CUT_ROWS) {
      const active = days.members.filter((i) => !failed.has(i));
      if (active.length === 0) return;
      const cuts = plan.cut(page.slice(at, at + CUT_ROWS), partition, active);
      for (const [k, i] of active.entries()) {
        const cut = cuts[k];
        if (cut === undefined || !Array.isArray(cut)) {
          failed.add(i);
          yield { member: i, error: cut?.error ?? new Error('no records cut') };
          continue;
        }
        for (const event of days.take(i, cut)) yield { member: i, event };
      }
      // Rows handed out are emitted (and serialized) by now: let them go before the rest of a large page.
      page.fill(RELEASED, at, at + CUT_ROWS);
      // A page of 30,000 rows is seconds of work: let other streams' I/O and timers run between slices.
      await turn();
    }
  }
  for (const i of days.members) if (!failed.has(i)) days.finish(i);
}
