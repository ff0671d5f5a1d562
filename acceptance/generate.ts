// `npm run acceptance:generate`: regenerates the files under integration_tests/ from the connector and the
// simulator (the same seed and sizes as the acceptance run). Review the diff like code.
//   configured_catalog.json  every discovered stream, incremental where it can be
//   abnormal_state.json      the final state of an incremental read, every cursor moved to 2099-12-31
//   expected_records.jsonl   up to PER_STREAM records of every stream, read at the acceptance run's fixed
//                            clock (clock.ts) and identical two hours later, so every run reproduces them
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Simulator } from '../src/simulator/index.js';
import { fromDiscovered, incrementalOnly } from './catalog.js';
import { Connector } from './connector.js';
import {
  canonical,
  deepEqual,
  recordsOf,
  stateInput,
  statesOf,
  type AirbyteStream,
  type Json,
} from './messages.js';
import { pkValue } from './records.js';
import { connectorConfig, startAcceptanceSimulator } from './simulator.js';
import { futureState } from './future-state.js';
import { ANCHOR_MS, shiftedClock } from './clock.js';

const ROOT = resolve('.');
const OUT = join(ROOT, 'integration_tests');
const HOUR = 3_600_000;
/**
 * Clocks compared, after the acceptance run's anchor: a record kept must come out the same at the anchor and
 * two hours later, far more than a run lasts, so a record near a simulated file or day boundary is left out.
 */
const CLOCK_OFFSETS = [0, 2 * HOUR];
const PER_STREAM = 5;

/** A simulator and a connector that share a clock set to the acceptance anchor plus `offset`. */
async function session<T>(
  offset: number,
  fn: (sim: Simulator, config: string, connector: Connector) => Promise<T>,
): Promise<T> {
  const clock = shiftedClock(ANCHOR_MS + offset);
  const sim = await startAcceptanceSimulator(clock.now);
  const connector = new Connector({
    command: [process.execPath, join(ROOT, 'dist/main.js')],
    cwd: ROOT,
    env: clock.env,
    timeoutMs: 300_000,
    concurrency: 3,
    clockOffsetMs: clock.offsetMs,
  });
  try {
    return await fn(sim, connector.file('config', connectorConfig(sim, clock.now())), connector);
  } finally {
    await sim.close();
    connector.close();
  }
}

async function discovered(connector: Connector, config: string): Promise<AirbyteStream[]> {
  const run = await connector.discover(config);
  return run.messages.find((m) => m.type === 'CATALOG')?.catalog?.streams ?? [];
}

async function writeJson(name: string, value: unknown): Promise<void> {
  const file = join(OUT, name);
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(JSON.stringify(value), { ...options, filepath: file }));
}

async function configuredCatalog(streams: AirbyteStream[]): Promise<void> {
  const catalog = streams.map((s) => {
    const incremental = (s.supported_sync_modes ?? []).includes('incremental');
    return {
      stream: { ...s, json_schema: {} },
      sync_mode: incremental ? 'incremental' : 'full_refresh',
      ...(incremental ? { cursor_field: s.default_cursor_field } : {}),
      destination_sync_mode: incremental ? 'append_dedup' : 'overwrite',
      primary_key: s.source_defined_primary_key,
    };
  });
  await writeJson('configured_catalog.json', { streams: catalog });
}

async function abnormalState(connector: Connector, config: string, streams: AirbyteStream[]): Promise<void> {
  const run = await connector.read(config, incrementalOnly(fromDiscovered(streams)));
  // Streams and partitions run side by side, so their last states arrive in any order: written in the
  // catalog's order, partitions sorted, so the file changes only when the data does.
  const order = new Map(streams.map((s, i) => [s.name, i]));
  const rank = (entry: Json) =>
    order.get(((entry.stream as Json).stream_descriptor as { name: string }).name) ?? order.size;
  const states = stateInput(statesOf(run.messages)).sort((a, b) => rank(a) - rank(b));
  for (const entry of states) {
    const partitions = ((entry.stream as Json).stream_state as { states?: Json[] }).states;
    partitions?.sort((a, b) => JSON.stringify(a.partition).localeCompare(JSON.stringify(b.partition)));
  }
  await writeJson('abnormal_state.json', states.map(futureState));
}

/** Every record of a full-refresh read of all streams, keyed by stream and primary key. */
async function recordsAt(offset: number): Promise<Map<string, { stream: string; data: Json }>> {
  return session(offset, async (_sim, config, connector) => {
    const streams = await discovered(connector, config);
    const run = await connector.read(config, fromDiscovered(streams));
    const pk = new Map(streams.map((s) => [s.name, s.source_defined_primary_key ?? []]));
    return new Map(
      recordsOf(run.messages).map((r) => {
        const key = (pk.get(r.stream) ?? []).map((p) => pkValue(r.data, p));
        return [`${r.stream} ${canonical(key)}`, { stream: r.stream, data: r.data }];
      }),
    );
  });
}

/** Writes expected_records.jsonl; returns per stream how many were kept, and the streams with none. */
async function expectedRecords(): Promise<string[]> {
  const [base, ...others] = await Promise.all(CLOCK_OFFSETS.map(recordsAt));
  const stable = [...(base ?? new Map())]
    .filter(([key, r]) => others.every((o) => deepEqual(o.get(key)?.data, r.data)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const perStream = new Map<string, number>();
  const lines = stable.flatMap(([, r]) => {
    const n = perStream.get(r.stream) ?? 0;
    perStream.set(r.stream, n + 1);
    return n < PER_STREAM ? [JSON.stringify({ stream: r.stream, data: r.data, emitted_at: 0 })] : [];
  });
  writeFileSync(join(OUT, 'expected_records.jsonl'), `${lines.join('\n')}\n`);
  return [...perStream].map(([s, n]) => `${s}: ${Math.min(n, PER_STREAM)} of ${n}`);
}

const names = await session(0, async (_sim, config, connector) => {
  const streams = await discovered(connector, config);
  await configuredCatalog(streams);
  await abnormalState(connector, config, streams);
  return streams.map((s) => s.name);
});
const kept = await expectedRecords();
process.stdout.write(
  `wrote integration_tests/: configured_catalog.json, abnormal_state.json, expected_records.jsonl\n`,
);
process.stdout.write(`expected records kept per stream: ${kept.join(', ') || 'none'}\n`);
const unseeded = names.filter((n) => !kept.some((k) => k.startsWith(`${n}: `)));
if (unseeded.length > 0)
  process.stdout.write(
    `WARNING: no stable record for ${unseeded.join(', ')}: the acceptance run fails until each is seeded or listed in basic_read's empty_streams with a bypass_reason\n`,
  );
