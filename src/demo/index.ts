// `demo`: Codex usage in a local database with one command. Starts the simulator, drives the built connector
// as a child process (discover, then read with the saved state), lands every stream in DuckDB, summarizes.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/index.js';
import { configuredCatalog, discover, traceErrorText } from './connector.js';
import { tableSpec, type DiscoveredStream } from './ddl.js';
import { DuckDbSink, loadDuckDb, type DuckDbModule } from './duckdb-sink.js';
import { daysAgo, demoPaths, loadStates, writeConfig, writeJson, type DemoPaths } from './files.js';
import { ReadSession, type ReadOutcome } from './read-session.js';
import { reportStep } from './report-step.js';
import { displayPath, queryHint, streamTable, topUsers, topUsersLines, type StreamCount } from './summary.js';

export interface DemoOptions {
  /** Where the config, catalog, state and database live; default `.demo/` in the working directory. */
  dir?: string;
  /** Receives each line of human output; default stdout. */
  print?: (line: string) => void;
  /** Simulator sizes and faults (tests); default DEMO_SIZES. */
  simulator?: SimulatorOptions;
}

type Print = (line: string) => void;

/**
 * 40 users over 30 days. One compliance log file per day and event type (the simulator's default is four,
 * smaller ones): the connector budgets file downloads at `max_requests_per_minute` per workspace, as the real
 * API limits them, so 240 files a workspace would spend two minutes waiting; 60 fit in one budget window.
 */
const DEMO_SIZES: SimulatorOptions = { users: 40, days: 30, logFilesPerDay: 1, eventsPerFile: 80 };

/** The simulator's keys are fakes, but a demo that prints keys teaches the wrong habit. */
function redacting(print: Print, secrets: readonly string[]): Print {
  return (line) => print(secrets.reduce((text, secret) => text.split(secret).join('**********'), line));
}

export async function runDemo(opts: DemoOptions): Promise<number> {
  const stdout: Print = opts.print ?? ((line) => process.stdout.write(`${line}\n`));
  const duckdb = await loadDuckDb();
  if (typeof duckdb === 'string') {
    stdout('The demo needs DuckDB (@duckdb/node-api, an optional dependency), which could not be loaded:');
    stdout(`  ${duckdb}`);
    stdout('Run `npm install` (without --omit=optional) and try again.');
    return 1;
  }
  const paths = demoPaths(resolve(opts.dir ?? '.demo'));
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  const sim = await startSimulator({ ...DEMO_SIZES, ...opts.simulator });
  const print = redacting(stdout, [sim.keys.analytics, sim.keys.compliance, sim.keys.admin]);
  try {
    return await demo(sim, duckdb, paths, print);
  } catch (error) {
    print(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await sim.close();
  }
}

async function demo(sim: Simulator, duckdb: DuckDbModule, paths: DemoPaths, print: Print): Promise<number> {
  print(
    `Codex API simulator on ${sim.apiBaseUrl} and ${sim.adminBaseUrl} (fake keys, ${sim.workspaceIds.length} workspaces).`,
  );
  await writeConfig(paths.config, sim, Date.now());
  const errors: string[] = [];
  const found = await discover(
    paths.config,
    (m) => {
      const error = traceErrorText(m);
      if (error !== undefined) errors.push(error);
    },
    print,
  );
  if (found.code !== 0 || found.streams === undefined) {
    print('discover failed:');
    for (const e of errors) print(`  ${e}`);
    return 1;
  }
  await writeJson(paths.catalog, configuredCatalog(found.streams));
  // Without the database, a saved state would skip data that is no longer anywhere: start over.
  const prior = existsSync(paths.database) ? await loadStates(paths.state) : undefined;
  const sink = await DuckDbSink.open(duckdb, paths.database);
  let code: number;
  try {
    code = await sync(found.streams, sink, paths, prior, print);
  } finally {
    sink.close();
  }
  return code === 0 ? await reportStep(paths, print) : code;
}

async function sync(
  streams: DiscoveredStream[],
  sink: DuckDbSink,
  paths: DemoPaths,
  prior: Map<string, unknown> | undefined,
  print: Print,
) {
  for (const stream of streams) await sink.prepare(tableSpec(stream));
  const kind = prior === undefined ? 'first run' : 'incremental run';
  print(
    prior === undefined
      ? 'First run: reading every stream from start_date.'
      : `Incremental run: resuming from ${displayPath(paths.state)}.`,
  );
  const args = ['read', '--config', paths.config, '--catalog', paths.catalog];
  if (prior !== undefined) args.push('--state', paths.state);
  const started = Date.now();
  const outcome = await new ReadSession(sink, print).run(args);
  await sink.flush();
  await dropStaleRows(streams, outcome, sink, started);
  // Saved only once the records before each state are in the database: a checkpoint, even after a failure.
  const states = new Map([...(prior ?? new Map<string, unknown>()), ...outcome.states]);
  await writeJson(paths.state, [...states.values()]);
  await summarize(streams, sink, paths, kind, print, Date.now() - started);
  if (outcome.code === 0) return 0;
  print(
    `The connector exited with code ${outcome.code}. State is saved: the next run resumes from the last checkpoints.`,
  );
  for (const e of outcome.errors) print(`  ERROR ${e}`);
  return 1;
}

/** Overwrite semantics for full-refresh streams, only when the stream completed. */
async function dropStaleRows(
  streams: DiscoveredStream[],
  outcome: ReadOutcome,
  sink: DuckDbSink,
  started: number,
) {
  for (const s of streams) {
    if (!s.supported_sync_modes.includes('incremental') && outcome.completed.has(s.name))
      await sink.dropRowsBefore(s.name, started);
  }
}

async function summarize(
  streams: DiscoveredStream[],
  sink: DuckDbSink,
  paths: DemoPaths,
  kind: string,
  print: Print,
  ms: number,
) {
  const counts: StreamCount[] = [];
  for (const s of streams)
    counts.push({
      stream: s.name,
      received: sink.stats(s.name).received,
      total: await sink.rowCount(s.name),
    });
  const received = counts.reduce((n, c) => n + c.received, 0);
  print('');
  print(
    `Received ${received.toLocaleString('en-US')} records from ${streams.length} streams in ${(ms / 1000).toFixed(1)} s (${kind}).`,
  );
  for (const line of streamTable(counts)) print(line);
  const skipped = streams.reduce((n, s) => n + sink.stats(s.name).skipped, 0);
  if (skipped > 0) print(`  (${skipped} records without a primary key value were not stored)`);
  print('');
  const since = daysAgo(Date.now(), 6);
  for (const line of topUsersLines(await topUsers(sink, since), since)) print(line);
  print('');
  for (const line of queryHint(
    paths.database,
    streams.map((s) => s.name),
  ))
    print(line);
  print('Run the demo again for an incremental sync from the saved state.');
}
