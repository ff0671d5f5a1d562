// One measured run of the connector's `read`, or of a baseline, against a running simulator process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaselineReport, BaselineSpec } from './baseline-types.js';
import { ProtocolCounter, type Message } from './counter.js';
import type { SimProcess } from './sim-process.js';
import type { SimRequestRecord } from './sim-types.js';
import { runTimed, type Timed } from './timed.js';

export interface Bench {
  root: string;
  /** A temporary directory for configs, catalogs, profiles; removed at the end. */
  dir: string;
  main: string;
  baselineJs: string;
  /** Streams that support incremental (from `discover`). */
  incremental: Set<string>;
  /** Every stream `discover` lists with all three keys. */
  streams: string[];
}

export interface RunMetrics {
  wallS: number;
  cpuS: number;
  userS: number;
  sysS: number;
  maxRssMb: number;
  records: number;
  bytesOut: number;
  requests: number;
  recordsPerS: number;
  mbOutPerS: number;
  simCpuS: number;
}

export interface ConnectorRun {
  metrics: RunMetrics;
  /** Every message but RECORDs, and for each, how many records came before it. */
  messages: Message[];
  messageAt: number[];
  requestLog: SimRequestRecord[];
  code: number | null;
  stderrTail: string;
}

let seq = 0;

export function writeJson(bench: Bench, name: string, value: unknown): string {
  const path = join(bench.dir, `${seq++}-${name}`);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

export function catalogOf(bench: Bench, streams: string[]) {
  return {
    streams: streams.map((name) => ({
      stream: { name },
      sync_mode: bench.incremental.has(name) ? 'incremental' : 'full_refresh',
      destination_sync_mode: 'append',
    })),
  };
}

export interface ReadOptions {
  inspect?: (recordLine: string) => void;
  nodeArgs?: string[];
  state?: unknown[];
}

export async function connectorRead(
  bench: Bench,
  sim: SimProcess,
  config: object,
  streams: string[],
  opts: ReadOptions = {},
): Promise<ConnectorRun> {
  const args = ['read', '--config', writeJson(bench, 'config.json', config)];
  args.push('--catalog', writeJson(bench, 'catalog.json', catalogOf(bench, streams)));
  if (opts.state) args.push('--state', writeJson(bench, 'state.json', opts.state));
  await sim.reset();
  const simCpu = await sim.cpuSeconds();
  const counter = new ProtocolCounter(opts.inspect);
  const t = await runTimed(
    bench.dir,
    process.execPath,
    [...(opts.nodeArgs ?? []), bench.main, ...args],
    counter.write,
  );
  counter.end();
  const requestLog = await sim.requests();
  const metrics = metricsOf(
    t,
    counter.records,
    counter.bytes,
    requestLog.length,
    (await sim.cpuSeconds()) - simCpu,
  );
  return {
    metrics,
    messages: counter.messages,
    messageAt: counter.messageAt,
    requestLog,
    code: t.code,
    stderrTail: t.stderrTail,
  };
}

export interface BaselineRun {
  metrics: RunMetrics;
  report: BaselineReport;
  requestLog: SimRequestRecord[];
}

export async function baselineRun(bench: Bench, sim: SimProcess, spec: BaselineSpec): Promise<BaselineRun> {
  await sim.reset();
  const simCpu = await sim.cpuSeconds();
  let out = '';
  const t = await runTimed(
    bench.dir,
    process.execPath,
    [bench.baselineJs, writeJson(bench, 'baseline.json', spec)],
    (chunk) => (out += chunk.toString()),
  );
  if (t.code !== 0) throw new Error(`baseline failed (${t.code}): ${t.stderrTail}`);
  const report = JSON.parse(out) as BaselineReport;
  const requestLog = await sim.requests();
  const metrics = metricsOf(
    t,
    report.rows,
    report.bytesOut,
    requestLog.length,
    (await sim.cpuSeconds()) - simCpu,
  );
  return { metrics, report, requestLog };
}

function metricsOf(
  t: Timed,
  records: number,
  bytesOut: number,
  requests: number,
  simCpuS: number,
): RunMetrics {
  const { wallS, cpuS, userS, sysS, maxRssMb } = t;
  const recordsPerS = records / wallS;
  return {
    wallS,
    cpuS,
    userS,
    sysS,
    maxRssMb,
    records,
    bytesOut,
    requests,
    recordsPerS,
    mbOutPerS: bytesOut / 1e6 / wallS,
    simCpuS,
  };
}

/** Messages of a type, and the TRACE errors of a run (a failed read must not pass as a fast one). */
export function errorsOf(run: ConnectorRun): string[] {
  const errors = run.messages
    .filter((m) => m.type === 'TRACE' && (m.trace as { type?: string }).type === 'ERROR')
    .map((m) => String((m.trace as { error?: { message?: string } }).error?.message));
  if (run.code !== 0) errors.push(`exit code ${run.code}: ${run.stderrTail.slice(-500)}`);
  return errors;
}
