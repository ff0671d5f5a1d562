// The Airbyte messages the checks read, typed loosely: everything is optional because the connector under test
// may emit anything. Accessors return [] or undefined instead of throwing on a malformed message.

export type Json = Record<string, unknown>;

export interface RecordMessage {
  stream: string;
  data: Json;
  emitted_at: number;
  namespace?: string | null;
}

export interface StreamStateMessage {
  type?: string;
  stream?: { stream_descriptor?: { name?: string; namespace?: string | null }; stream_state?: unknown };
  sourceStats?: { recordCount?: number } | null;
  data?: unknown;
}

export interface TraceMessage {
  type?: string;
  emitted_at?: number;
  error?: { message?: string; failure_type?: string; stream_descriptor?: { name?: string } };
  stream_status?: { stream_descriptor?: { name?: string; namespace?: string | null }; status?: string };
}

export interface AirbyteStream {
  name: string;
  json_schema: Json;
  supported_sync_modes?: string[];
  source_defined_cursor?: boolean | null;
  default_cursor_field?: string[] | null;
  source_defined_primary_key?: string[][] | null;
  namespace?: string | null;
  is_resumable?: boolean | null;
}

export interface AirbyteMessage {
  type?: string;
  record?: RecordMessage;
  state?: StreamStateMessage;
  trace?: TraceMessage;
  spec?: { connectionSpecification?: Json; documentationUrl?: string };
  catalog?: { streams?: AirbyteStream[] };
  connectionStatus?: { status?: string; message?: string };
  log?: { level?: string; message?: string };
}

export const ofType = (messages: readonly AirbyteMessage[], type: string): AirbyteMessage[] =>
  messages.filter((m) => m.type === type);

export const recordsOf = (messages: readonly AirbyteMessage[]): RecordMessage[] =>
  messages.flatMap((m) => (m.type === 'RECORD' && m.record !== undefined ? [m.record] : []));

export const statesOf = (messages: readonly AirbyteMessage[]): StreamStateMessage[] =>
  messages.flatMap((m) => (m.type === 'STATE' && m.state !== undefined ? [m.state] : []));

export const tracesOf = (messages: readonly AirbyteMessage[], type: string): TraceMessage[] =>
  messages.flatMap((m) => (m.type === 'TRACE' && m.trace?.type === type ? [m.trace] : []));

export const stateStreamName = (state: StreamStateMessage): string | undefined =>
  state.stream?.stream_descriptor?.name;

/** The last state of every stream, as the array a platform passes back: no sourceStats (CAT's way). */
export function stateInput(states: readonly StreamStateMessage[]): Json[] {
  const latest = new Map<string, unknown>();
  for (const state of states) {
    const name = stateStreamName(state);
    if (state.type === 'STREAM' && name !== undefined) latest.set(name, state.stream?.stream_state ?? {});
  }
  return [...latest].map(([name, streamState]) => ({
    type: 'STREAM',
    stream: { stream_descriptor: { name }, stream_state: streamState },
  }));
}

/** Structural equality of JSON values, key order ignored (Python's == on parsed JSON). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const ob = b as Json;
  return ka.length === kb.length && ka.every((k) => k in ob && deepEqual((a as Json)[k], ob[k]));
}

/** A canonical text of a JSON value (sorted keys), for sets and multisets of records. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Json)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
