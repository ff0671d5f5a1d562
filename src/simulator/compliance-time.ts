// Microsecond timestamps for the Compliance log listing. `end_time` carries microseconds and the connector
// pages by passing `last_end_time` back as `after` (strictly later), so comparisons must keep all six
// digits: parsing through Date would truncate to milliseconds and list the same file again forever.

const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})$/;

/** Epoch microseconds of an ISO 8601 timestamp that states its zone; undefined when it does not parse. */
export function parseIsoMicros(text: string): number | undefined {
  const m = ISO_WITH_ZONE.exec(text);
  if (!m) return undefined;
  const [, base, fraction = '', zone = 'Z'] = m;
  const ms = Date.parse(`${base}${zone.toUpperCase()}`);
  if (Number.isNaN(ms)) return undefined;
  return ms * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

function parts(us: number): { seconds: string; micros: string } {
  const ms = Math.floor(us / 1000);
  const seconds = new Date(ms - (ms % 1000)).toISOString().slice(0, 19);
  const micros = String(us - Math.floor(us / 1_000_000) * 1_000_000).padStart(6, '0');
  return { seconds, micros };
}

/** `2026-07-16T01:00:00.123456Z`, the listing's `end_time` form. */
export function isoMicros(us: number): string {
  const { seconds, micros } = parts(us);
  return `${seconds}.${micros}Z`;
}

/** `CODEX_LOG_2026-07-16T01:00:00.123456+00:00.jsonl`: file names spell UTC as an offset. */
export function logFileName(eventType: string, us: number): string {
  const { seconds, micros } = parts(us);
  return `${eventType}_${seconds}.${micros}+00:00.jsonl`;
}

/** Event timestamps are whole seconds, `2026-07-28T10:00:20Z`. */
export function isoSeconds(us: number): string {
  return `${parts(us).seconds}Z`;
}
