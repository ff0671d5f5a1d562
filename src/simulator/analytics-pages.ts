// Lazy paging over analytics rows. A position is (bucket, unit within the bucket); a page resumes from the
// position after its last row, so serving page N costs one page of work, not N.
import { DAY_SECONDS, type Row } from './analytics-data.js';

/** Days [startDay, endDay) in buckets of `bucketDays` (1 = day, 7 = week) counted from startDay. */
export interface Window {
  startDay: number;
  endDay: number;
  bucketDays: number;
}

/** Days that hold data, inclusive. */
export interface DataRange {
  first: number;
  last: number;
}

export interface Position {
  b: number;
  u: number;
}

/** The rows of one bucket (its days in the data range) from unit `from` on, each with the unit after it. */
export type BucketRows = (days: number[], from: number) => Iterable<[Row, number]>;

export interface Placed {
  row: Row;
  next: Position;
}

function daysOf(start: number, end: number, range: DataRange): number[] {
  const days: number[] = [];
  for (let day = Math.max(start, range.first); day < end && day <= range.last; day++) days.push(day);
  return days;
}

export function* walk(win: Window, range: DataRange, pos: Position, rowsOf: BucketRows): Generator<Placed> {
  const buckets = Math.ceil((win.endDay - win.startDay) / win.bucketDays);
  for (let b = pos.b; b < buckets; b++) {
    const start = win.startDay + b * win.bucketDays;
    if (start > range.last) return;
    const end = Math.min(start + win.bucketDays, win.endDay);
    const days = daysOf(start, end, range);
    if (days.length === 0) continue;
    for (const [row, unit] of rowsOf(days, b === pos.b ? pos.u : 0)) {
      // A fresh object: rows may come from a cache, and the bucket sets the time bounds.
      yield {
        row: { ...row, start_time: start * DAY_SECONDS, end_time: end * DAY_SECONDS },
        next: { b, u: unit },
      };
    }
  }
}

export interface Page {
  rows: Row[];
  /** Where the next page starts, or null when this page is the last. */
  next: Position | null;
}

/** Up to `limit` rows; peeks one row further so `has_more` is never true before an empty last page. */
export function takePage(rows: Iterable<Placed>, limit: number): Page {
  const out: Row[] = [];
  let after: Position | null = null;
  for (const placed of rows) {
    if (out.length === limit) return { rows: out, next: after };
    out.push(placed.row);
    after = placed.next;
  }
  return { rows: out, next: null };
}

export function collect(rows: Iterable<Placed>): Row[] {
  return Array.from(rows, (p) => p.row);
}
