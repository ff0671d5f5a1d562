// How far behind a data source is, for people: its newest data against now (today the Compliance logs).

/** More behind than this is worth a warning: the Compliance logs normally trail by minutes to hours. */
export const STALE_AFTER_MS = 24 * 3_600_000;

/** "12 min", "3 h", "2 d 4 h"; a time ahead of now is "in the future". */
export function describeLag(ms: number): string {
  if (ms < 0) return 'in the future';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
