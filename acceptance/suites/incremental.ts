// incremental: two sequential reads (the second from the first's state, passed as an array without
// sourceStats) differ; re-reads from interior checkpoints give at least what followed them; a far-future
// state gives no records and at least one STATE. The three flows run at once.
import { existsSync, readFileSync } from 'node:fs';
import { resolvePath, type TestEntry } from '../cat-config.js';
import { fromDiscovered, fromFile, incrementalOnly, names, type ConfiguredCatalog } from '../catalog.js';
import { readProblems, type RunResult } from '../connector.js';
import { catalogStreams, configPathOf, discover, timeoutOf, type RunContext } from '../context.js';
import { canonical, recordsOf, stateInput, statesOf, type Json } from '../messages.js';
import {
  fail,
  noProblems,
  pass,
  runChecks,
  skip,
  type Check,
  type Outcome,
  type Result,
} from '../results.js';
import { sequentialSlices, type SliceReport } from './sequential-slices.js';

interface IncrementalInput {
  test: TestEntry;
  catalog: ConfiguredCatalog;
  futureStates: Json[] | undefined;
  sequential: Promise<[RunResult, RunResult]>;
  slices: Promise<SliceReport[]> | undefined;
  future: Promise<RunResult> | undefined;
}

function coverage(i: IncrementalInput, high: boolean): Outcome {
  if (!high) return skip('only required at test_strictness_level high');
  if (i.futureStates === undefined)
    return skip(`future_state bypassed: ${i.test.future_state?.bypass_reason ?? ''}`);
  const covered = new Set(
    i.futureStates.map(
      (s) => (s.stream as { stream_descriptor?: { name?: string } } | undefined)?.stream_descriptor?.name,
    ),
  );
  const excused = new Set((i.test.future_state?.missing_streams ?? []).map((s) => s.name));
  const missing = names(i.catalog).filter((n) => !covered.has(n) && !excused.has(n));
  return noProblems(
    missing.map((n) => `${n} has no state in the future_state file`),
    `${covered.size} streams`,
  );
}

async function twoReads(i: IncrementalInput): Promise<Outcome> {
  const [first, second] = await i.sequential;
  const problems = [...readProblems(first), ...readProblems(second)];
  if (statesOf(first.messages).length === 0) problems.push('the first read gave no STATE');
  if (recordsOf(first.messages).length === 0) problems.push('the first read gave no records');
  const set = (r: RunResult) => new Set(recordsOf(r.messages).map((x) => canonical(x.data)));
  const [a, b] = [set(first), set(second)];
  if (a.size === b.size && [...a].every((x) => b.has(x)))
    problems.push('the second read gave the same records as the first');
  return noProblems(
    problems,
    `${recordsOf(first.messages).length} then ${recordsOf(second.messages).length} records`,
  );
}

export function incrementalChecks(ctx: RunContext): Check<IncrementalInput>[] {
  return [
    {
      name: 'future_state_covers_streams',
      run: (i) => coverage(i, ctx.cat.test_strictness_level === 'high'),
    },
    { name: 'two_sequential_reads', run: twoReads },
    {
      name: 'read_sequential_slices',
      run: async (i) => {
        if (i.slices === undefined) return skip('skip_comprehensive_incremental_tests is true');
        const reports = await i.slices;
        const reads = reports.reduce((n, r) => n + r.reads, 0);
        return noProblems(
          reports.flatMap((r) => r.problems),
          `${reports.length} streams, ${reads} reads`,
        );
      },
    },
    {
      name: 'future_state_yields_nothing',
      run: async (i) => {
        if (i.future === undefined) return skip('no future_state file');
        const run = await i.future;
        const records = recordsOf(run.messages);
        const problems = readProblems(run);
        if (records.length > 0)
          problems.push(`${records.length} records, e.g. from ${records[0]?.stream ?? ''}`);
        if (statesOf(run.messages).length === 0) problems.push('no STATE message');
        return problems.length === 0
          ? pass(`0 records, ${statesOf(run.messages).length} states`)
          : fail(problems.join('; '));
      },
    },
  ];
}

function loadFutureStates(ctx: RunContext, test: TestEntry): Json[] | undefined {
  const path = test.future_state?.bypass_reason ? undefined : test.future_state?.future_state_path;
  if (!path) return undefined;
  const file = resolvePath(ctx.cat, path);
  if (!existsSync(file)) throw new Error(`future_state_path ${path} does not exist`);
  return JSON.parse(readFileSync(file, 'utf8')) as Json[];
}

/** Marks a promise as handled now (it is awaited by a later check), so an early rejection cannot crash Node. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export async function runIncremental(ctx: RunContext, test: TestEntry, prefix: string): Promise<Result[]> {
  const discovered = catalogStreams(await discover(ctx, test));
  const base = test.configured_catalog_path
    ? fromFile(resolvePath(ctx.cat, test.configured_catalog_path), discovered)
    : fromDiscovered(discovered);
  const catalog = incrementalOnly(base);
  const config = configPathOf(ctx, test);
  const timeout = timeoutOf(ctx, test);
  const read = (state?: Json[]) => ctx.connector.read(config, catalog, state, timeout);
  const futureStates = loadFutureStates(ctx, test);
  const input: IncrementalInput = {
    test,
    catalog,
    futureStates,
    sequential: later(
      read().then(async (first) => [first, await read(stateInput(statesOf(first.messages)))]),
    ),
    slices: test.skip_comprehensive_incremental_tests
      ? undefined
      : later(Promise.all(catalog.streams.map((s) => sequentialSlices(ctx.connector, config, s, timeout)))),
    future: futureStates === undefined ? undefined : later(read(futureStates)),
  };
  return runChecks(prefix, incrementalChecks(ctx), input);
}
