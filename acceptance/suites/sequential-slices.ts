// CAT's test_read_sequential_slices: read one stream, pick interior checkpoints from its STATE messages (by
// CAT's rules, quirks included), and re-read from each: at least the records counted after that checkpoint
// must come back, and the records must differ from the full read's.
import type { ConfiguredCatalog, ConfiguredStream } from '../catalog.js';
import { readProblems, type Connector } from '../connector.js';
import {
  canonical,
  deepEqual,
  recordsOf,
  statesOf,
  stateStreamName,
  type Json,
  type StreamStateMessage,
} from '../messages.js';

export interface Checkpoint {
  state: StreamStateMessage;
  /** Records a re-read from this checkpoint must give at least. */
  expected: number;
}

const count = (s: StreamStateMessage) => s.sourceStats?.recordCount ?? 0;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const stateOf = (s: StreamStateMessage): unknown => (s.stream ? s.stream.stream_state : s);

/** CAT's _get_unique_state_messages_with_record_count: runs of equal states merge into their first. */
export function uniqueCheckpoints(input: readonly StreamStateMessage[]): Checkpoint[] {
  const states = input.map((s) => ({ ...s, sourceStats: { recordCount: count(s) } }));
  if (states.length <= 1) return states.filter((s) => count(s) > 0).map((state) => ({ state, expected: 0 }));
  const unique: StreamStateMessage[] = [];
  let i = 0;
  while (i < states.length - 1) {
    let j = i + 1;
    const current = states[i] as StreamStateMessage;
    while (deepEqual(stateOf(current), stateOf(states[j] as StreamStateMessage)) && j < states.length - 1)
      j += 1;
    current.sourceStats = { recordCount: sum(states.slice(i, j).map(count)) };
    unique.push(current);
    const last = states[j] as StreamStateMessage;
    if (j === states.length - 1 && !deepEqual(stateOf(current), stateOf(last))) unique.push(last);
    i = j;
  }
  const nonZero = unique.filter((s) => count(s) > 0);
  const total = sum(nonZero.map(count));
  let counted = 0;
  return nonZero.map((state) => {
    counted += count(state);
    return { state, expected: total - counted };
  });
}

/** CAT's batch selector: about five interior checkpoints, never the first or the last (unless < 3). */
export function selectCheckpoints(list: readonly Checkpoint[]): Checkpoint[] {
  if (list.length < 3) return list.slice(-1);
  const rate = Math.floor(list.length / 5) || 1;
  return list.filter((_, idx) => idx !== 0 && idx % rate === 0 && idx !== list.length - 1);
}

const recordSet = (messages: Parameters<typeof recordsOf>[0]) =>
  new Set(recordsOf(messages).map((r) => canonical(r.data)));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

export interface SliceReport {
  problems: string[];
  reads: number;
}

export async function sequentialSlices(
  connector: Connector,
  config: string,
  stream: ConfiguredStream,
  timeoutMs: number,
): Promise<SliceReport> {
  const name = stream.stream.name;
  const catalog: ConfiguredCatalog = { streams: [stream] };
  const first = await connector.read(config, catalog, undefined, timeoutMs);
  const problems = readProblems(first).map((p) => `${name}: ${p}`);
  const firstRecords = recordSet(first.messages);
  const states = statesOf(first.messages);
  if (firstRecords.size === 0 || states.length === 0) return { problems, reads: 1 };
  const selected = selectCheckpoints(uniqueCheckpoints(states));
  if (selected.length === 0)
    return { problems: [...problems, `${name}: no checkpoint with records to test`], reads: 1 };
  const latest = new Map<string, unknown>();
  for (const [idx, { state, expected }] of selected.entries()) {
    if (state.type === 'STREAM' && state.stream?.stream_state)
      latest.set(stateStreamName(state) ?? name, state.stream.stream_state);
    const input: Json[] = [...latest].map(([n, s]) => ({
      type: 'STREAM',
      stream: { stream_descriptor: { name: n }, stream_state: s },
    }));
    const run = await connector.read(config, catalog, input, timeoutMs);
    const got = recordsOf(run.messages).length;
    problems.push(...readProblems(run).map((p) => `${name} checkpoint ${idx + 1}: ${p}`));
    if (got < expected)
      problems.push(`${name} checkpoint ${idx + 1}/${selected.length}: ${got} records, want ≥ ${expected}`);
    if (sameSet(firstRecords, recordSet(run.messages)))
      problems.push(
        `${name} checkpoint ${idx + 1}/${selected.length}: the re-read gave the same records as the full read`,
      );
  }
  return { problems, reads: 1 + selected.length };
}
