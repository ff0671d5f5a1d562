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

/** Per key, the sum of the numbers `pick` returns for each row (a row may give several pairs). */
export function sumBy(rows: Row[], pick: (row: Row) => [string, number][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) for (const [key, value] of pick(row)) out.set(key, (out.get(key) ?? 0) + value);
  return out;
}

/** Per key, how many distinct values `pick` returns over the rows. */
export function countDistinctBy(rows: Row[], pick: (row: Row) => [string, unknown]): Record<string, number> {
  const sets = new Map<string, Set<unknown>>();
  for (const row of rows) {
    const [key, value] = pick(row);
    sets.set(key, (sets.get(key) ?? new Set()).add(value));
  }
  return Object.fromEntries([...sets].map(([key, set]) => [key, set.size]));
}
