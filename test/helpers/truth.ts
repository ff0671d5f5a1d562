// Small arithmetic over the simulator's ground-truth rows, for tests that compare marts with it.
export type Row = Record<string, unknown>;

/** A number from a row field; null and absent are NaN, so a comparison with a real number fails. */
export function num(value: unknown): number {
  return value === null || value === undefined ? NaN : Number(value);
}

/** The UTC day of an Analytics row (the API sends its bucket's start_time in Unix seconds). */
export function dayOf(row: Row): string {
  return new Date(num(row.start_time) * 1000).toISOString().slice(0, 10);
}

export function credits(row: Row): number {
  return num((row.totals as Row).credits);
}

/** UTC `YYYY-MM-DD` plus `days`. */
export function dayAfter(day: string, days = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday starting the ISO week of a UTC day. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return dayAfter(day, -weekday);
}

/**
 * Groups rows by the keys `pick` returns: numbers add up, sets unite. `pick` returns one pair or a list.
 */
export function byKey<V extends number | Set<unknown>>(
  rows: Row[],
  pick: (row: Row) => [string, V] | [string, V][],
): Map<string, V> {
  const out = new Map<string, V>();
  for (const row of rows) {
    const picked = pick(row);
    const pairs = (typeof picked[0] === 'string' ? [picked] : picked) as [string, V][];
    for (const [key, value] of pairs) {
      const prior = out.get(key);
      if (prior === undefined) out.set(key, value);
      else if (typeof prior === 'number') out.set(key, (prior + (value as number)) as V);
      else for (const v of value as Set<unknown>) prior.add(v);
    }
  }
  return out;
}
