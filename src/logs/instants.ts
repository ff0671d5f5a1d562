// Compliance timestamps compared as instants. The listing's `end_time` carries microseconds
// (`2026-07-16T01:00:00.123456Z`) and other forms may carry 3 or 9 digits or an offset, so neither a text
// comparison nor Date.parse (milliseconds only) can tell whether a cursor advanced. The connector still
// always sends back the exact string the API gave.
const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?(Z|[+-]\d{2}:?\d{2})$/i;

/** Nanoseconds since the epoch, or undefined when the text is not a timestamp with a zone. */
export function instantNs(text: string): bigint | undefined {
  const m = ISO.exec(text.trim());
  if (m === null) return undefined;
  const [, base = '', fraction = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${base}${offset}`);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 1_000_000n + BigInt(fraction.padEnd(9, '0').slice(0, 9));
}

/** Negative, zero or positive as `a` is before, at or after `b`; undefined if either does not parse. */
export function compareInstants(a: string, b: string): number | undefined {
  const x = instantNs(a);
  const y = instantNs(b);
  if (x === undefined || y === undefined) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
}
