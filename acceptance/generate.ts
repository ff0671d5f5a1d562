// `npm run acceptance:generate`: regenerates the files under integration_tests/ from the connector and the
// simulator (the same seed and sizes as the acceptance run). Review the diff like code.
//   configured_catalog.json  every discovered stream, incremental where it can be
//   abnormal_state.json      the final state of an incremental read, every cursor moved to 2099-12-31
//   expected_records.jsonl   records that come out identical whatever the simulator's clock says
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

const ROOT = resolve('.');
const OUT = join(ROOT, 'integration_tests');
const DAY = 86_400_000;
/** Simulator clocks compared: now, a day and a few hours on, and more than a year on. */
const CLOCK_OFFSETS = [0, DAY + 7 * 3_600_000, 400 * DAY];
const PER_STREAM = 10;

const connector = new Connector({
  command: [process.execPath, join(ROOT, 'dist/main.js')],
  cwd: ROOT,
  env: {},
  timeoutMs: 300_000,
  concurrency: 3,
});

async function session<T>(offset: number, fn: (sim: Simulator, config: string) => Promise<T>): Promise<T> {
  const started = Date.now();
  const sim = await startAcceptanceSimulator(() => started + offset + (Date.now() - started));
  try {
    return await fn(sim, connector.file('config', connectorConfig(sim)));
  } finally {
    await sim.close();
  }
}

async function discovered(config: string): Promise<AirbyteStream[]> {
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

async function abnormalState(config: string, streams: AirbyteStream[]): Promise<void> {
  const run = await connector.read(config, incrementalOnly(fromDiscovered(streams)));
  await writeJson('abnormal_state.json', stateInput(statesOf(run.messages)).map(futureState));
}

/** Every record of a full-refresh read of all streams, keyed by stream and primary key. */
async function recordsAt(offset: number): Promise<Map<string, { stream: string; data: Json }>> {
  return session(offset, async (_sim, config) => {
    const streams = await discovered(config);
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

try {
  await session(0, async (_sim, config) => {
    const streams = await discovered(config);
    await configuredCatalog(streams);
    await abnormalState(config, streams);
  });
  const kept = await expectedRecords();
  process.stdout.write(
    `wrote integration_tests/: configured_catalog.json, abnormal_state.json, expected_records.jsonl\n`,
  );
  process.stdout.write(`date-independent records kept: ${kept.join(', ') || 'none'}\n`);
} finally {
  connector.close();
}
