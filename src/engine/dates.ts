// UTC day arithmetic on `YYYY-MM-DD` strings. Days compare correctly as strings.
const DAY_MS = 86_400_000;

// Rows come in time order, so the last day formatted is nearly always the next one asked for.
let lastDay = NaN;
let lastText = '';

export function dayOf(epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  if (day !== lastDay) {
    lastText = new Date(epochMs).toISOString().slice(0, 10);
    lastDay = day;
  }
  return lastText;
}

export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, n: number): string {
  return dayOf(dayStartMs(day) + n * DAY_MS);
}

export function dayOfUnixSeconds(seconds: number): string {
  return dayOf(seconds * 1000);
}

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayOf(dayStartMs(value)) === value;
}

export function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
