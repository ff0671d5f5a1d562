// Day-by-day checkpoints of each stream reading one partition's window: rows arrive in ascending date, so a
// member's day is complete when a later day of its records appears; checkpoint then, and at the end. A member
// whose own lower bound is later than the window's start skips the records before it (it already has them).
import { maxDay } from './dates.js';
import type { FutureStamps } from './signpost.js';
import type { PartitionCursors } from './state.js';
import { itemsOf, type Partition, type Row, type SyncEvent } from './types.js';

interface Tracked {
  cursorField: string;
  lower: string;
  currentDay: string | undefined;
}

/** The signpost's day and each member's warner: a row dated later is emitted, its cursor stops at today. */
export interface DayLimit {
  today: string;
  futures: readonly FutureStamps[];
}

export class MemberDays {
  private readonly tracked = new Map<number, Tracked>();

  constructor(
    plan: { members: readonly { cursorField: string }[] },
    private readonly cursors: readonly PartitionCursors[],
    private readonly partition: Partition,
    lower: ReadonlyMap<number, string>,
    private readonly limit: DayLimit,
  ) {
    for (const [i, day] of lower) {
      const cursorField = plan.members[i]?.cursorField ?? 'date';
      this.tracked.set(i, { cursorField, lower: day, currentDay: undefined });
    }
  }

  /** The members reading this partition. */
  get members(): number[] {
    return [...this.tracked.keys()];
  }

  /** Events for member `i` after a slice of its records: record batches, and a state after each complete day. */
  take(i: number, records: readonly Row[]): SyncEvent[] {
    const t = this.tracked.get(i);
    if (t === undefined) return [];
    const events: SyncEvent[] = [];
    let batch: Row[] = [];
    for (const record of records) {
      const day = record[t.cursorField];
      if (typeof day === 'string' && day < t.lower) continue;
      if (typeof day === 'string' && t.currentDay !== undefined && day > t.currentDay) {
        // Every record of currentDay has been handed out: it is a safe resume point.
        if (batch.length > 0) events.push({ type: 'records', records: itemsOf(batch) });
        batch = [];
        this.advance(i, t.currentDay);
        const state = this.cursors[i]?.snapshot();
        if (state !== undefined) events.push({ type: 'state', state });
      }
      if (typeof day === 'string' && (t.currentDay === undefined || day > t.currentDay)) {
        t.currentDay = day;
        if (day > this.limit.today) events.push(...this.future(i, day));
      }
      batch.push(record);
    }
    if (batch.length > 0) events.push({ type: 'records', records: itemsOf(batch) });
    return events;
  }

  /** The window ended: member `i`'s last day is complete too (its final state follows). */
  finish(i: number): void {
    const day = this.tracked.get(i)?.currentDay;
    if (day !== undefined) this.advance(i, day);
  }

  /** Moves the cursor to `day`, never back and never past the signpost's day. */
  private advance(i: number, day: string): void {
    const cursors = this.cursors[i];
    if (cursors === undefined) return;
    const capped = day > this.limit.today ? this.limit.today : day;
    const saved = cursors.get(this.partition);
    cursors.set(this.partition, typeof saved === 'string' ? maxDay(saved, capped) : capped);
  }

  private future(i: number, day: string): SyncEvent[] {
    const where =
      this.partition.workspace_id === undefined ? 'organization' : `workspace ${this.partition.workspace_id}`;
    return this.limit.futures[i]?.warning(`a row (${where})`, day, this.limit.today) ?? [];
  }
}
