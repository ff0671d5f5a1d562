// Adding rows together: workspace totals are the sum of user rows, and a week is the sum of its days.
// The accumulator is mutated in place: a 5,000-user workspace sums thousands of rows per day.
import type { Row } from './analytics-data.js';

const round2 = (n: number): number => Math.round(n * 100) / 100;

function isObject(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isObject(v)) {
    const out: Row = {};
    for (const key of Object.keys(v)) out[key] = clone(v[key]);
    return out;
  }
  return v;
}

/** Breakdown entries add up when they describe the same client, or the same model at the same speed. */
function sameEntry(a: unknown, b: Row): boolean {
  if (!isObject(a)) return false;
  if ('client_id' in b) return a.client_id === b.client_id;
  return a.model === b.model && a.speed === b.speed;
}

function addEntries(acc: unknown[], entries: unknown[]): unknown[] {
  for (const entry of entries) {
    const match = isObject(entry) ? acc.find((a) => sameEntry(a, entry)) : undefined;
    if (isObject(match) && isObject(entry)) addInto(match, entry);
    else acc.push(clone(entry));
  }
  return acc;
}

/** Numbers add; null means "unavailable", so null + n = n; strings and other leaves keep the first value. */
function add(acc: unknown, value: unknown): unknown {
  if (acc === null || acc === undefined) return clone(value);
  if (value === null || value === undefined) return acc;
  if (typeof acc === 'number' && typeof value === 'number') return round2(acc + value);
  if (Array.isArray(acc) && Array.isArray(value)) return addEntries(acc, value);
  if (isObject(acc) && isObject(value)) return addInto(acc, value);
  return acc;
}

function addInto(acc: Row, row: Row): Row {
  for (const key of Object.keys(row)) acc[key] = add(acc[key], row[key]);
  return acc;
}

/** The sum of rows of one bucket, starting from a copy of `base`; time bounds are the caller's to set. */
export function sumRows(rows: Iterable<Row>, base: Row = {}): Row {
  const acc = clone(base) as Row;
  for (const row of rows) addInto(acc, row);
  const { start_time, end_time, ...rest } = acc;
  return { start_time, end_time, ...rest };
}
