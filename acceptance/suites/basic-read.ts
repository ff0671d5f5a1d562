// basic_read: one read of every discovered stream (CAT's `high` catalog) and the rules on what it emits,
// plus a read of an invalid catalog that must end in a TRACE ERROR. The two traps have checks in traps.ts.
import { existsSync, readFileSync } from 'node:fs';
import { resolvePath, type TestEntry } from '../cat-config.js';
import { fromDiscovered, fromFile, INVALID_CATALOG, names, type ConfiguredCatalog } from '../catalog.js';
import { describeRun, readProblems, type RunResult } from '../connector.js';
import {
  catalogStreams,
  configPathOf,
  discover,
  protocolCheck,
  timeoutOf,
  type RunContext,
} from '../context.js';
import { recordsOf, statesOf, tracesOf, type RecordMessage } from '../messages.js';
import {
  contentProblems,
  expectedProblems,
  primaryKeyProblems,
  schemaProblems,
  type ExpectedRecord,
} from '../records.js';
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
import { seedingOutcome } from './seeding.js';
import { splitlinesCheck, nullOptionalFieldsCheck } from './traps.js';

export interface BasicReadInput {
  test: TestEntry;
  catalog: ConfiguredCatalog;
  run: RunResult;
  records: RecordMessage[];
  expected: ExpectedRecord[] | undefined;
  invalid: RunResult;
}

function streamStatuses(i: BasicReadInput): Outcome {
  if (i.test.validate_stream_statuses === false) return skip('validate_stream_statuses is false');
  const byStream = new Map<string, string[]>();
  for (const t of tracesOf(i.run.messages, 'STREAM_STATUS')) {
    const name = t.stream_status?.stream_descriptor?.name ?? '';
    byStream.set(name, [...(byStream.get(name) ?? []), t.stream_status?.status ?? '']);
  }
  const problems = names(i.catalog)
    .filter((n) => !byStream.has(n))
    .map((n) => `${n}: no STREAM_STATUS`);
  for (const [name, list] of byStream) {
    const ok =
      list.length >= 3 &&
      list[0] === 'STARTED' &&
      list.at(-1) === 'COMPLETE' &&
      list.slice(1, -1).every((s) => s === 'RUNNING');
    if (!ok) problems.push(`${name}: ${list.join(' → ')}`);
  }
  return noProblems(problems, `${byStream.size} streams STARTED → RUNNING → COMPLETE`);
}

function stateMessages(i: BasicReadInput): Outcome {
  if (i.test.validate_state_messages === false) return skip('validate_state_messages is false');
  const states = statesOf(i.run.messages);
  const problems =
    states.length >= i.catalog.streams.length
      ? []
      : [`${states.length} STATE messages for ${i.catalog.streams.length} streams`];
  for (const s of states) {
    if (s.type !== 'STREAM') problems.push(`a STATE of type ${String(s.type)}, not STREAM`);
    else if (typeof s.sourceStats?.recordCount !== 'number')
      problems.push(`${String(s.stream?.stream_descriptor?.name)}: STATE without sourceStats.recordCount`);
  }
  return noProblems([...new Set(problems)], `${states.length} STREAM states with sourceStats`);
}

function emittedAt(i: BasicReadInput): Outcome {
  const slack = 1000;
  const bad = i.records.filter(
    (r) =>
      !Number.isInteger(r.emitted_at) ||
      r.emitted_at < i.run.startedAt - slack ||
      r.emitted_at > i.run.endedAt + slack,
  );
  return bad.length === 0
    ? pass('every emitted_at is epoch milliseconds within the run')
    : fail(
        `${bad.length} records with emitted_at outside the run in epoch ms, e.g. ${String(bad[0]?.emitted_at)}`,
      );
}

export function basicReadChecks(ctx: RunContext): Check<BasicReadInput>[] {
  return [
    { name: 'read_succeeds', run: (i) => noProblems(readProblems(i.run)) },
    {
      name: 'at_least_one_record',
      run: (i) => (i.records.length > 0 ? pass(`${i.records.length} records`) : fail('no records')),
    },
    {
      name: 'records_match_schema',
      run: (i) =>
        i.test.validate_schema === false
          ? skip('validate_schema is false')
          : noProblems(schemaProblems(i.catalog, i.run)),
    },
    {
      name: 'no_empty_streams',
      run: (i) => {
        const allowed = new Set((i.test.empty_streams ?? []).map((s) => s.name));
        const seen = new Set(i.records.map((r) => r.stream));
        return noProblems(
          names(i.catalog)
            .filter((n) => !seen.has(n) && !allowed.has(n))
            .map((n) => `${n}: no records`),
        );
      },
    },
    {
      name: 'primary_keys_valid',
      run: (i) => {
        const problems = primaryKeyProblems(i.catalog, i.records);
        return noProblems(
          i.test.validate_primary_keys_data_type === false
            ? problems.filter((p) => p.includes('null'))
            : problems,
        );
      },
    },
    {
      name: 'expected_records_present',
      run: (i) =>
        i.expected === undefined
          ? skip(`expect_records bypassed: ${i.test.expect_records?.bypass_reason ?? ''}`)
          : noProblems(
              expectedProblems(i.catalog, i.records, i.expected, i.test.expect_records?.exact_order === true),
              `${i.expected.length} expected records found by primary key`,
            ),
    },
    {
      name: 'every_stream_seeded',
      run: (i) => seedingOutcome(ctx.cat.test_strictness_level, i.test, i.catalog, i.expected),
    },
    {
      name: 'expected_records_unchanged',
      run: (i) =>
        i.expected === undefined
          ? skip('expect_records bypassed')
          : noProblems(
              contentProblems(i.catalog, i.records, i.expected),
              'stricter than CAT: values equal too',
            ),
    },
    { name: 'stream_statuses', run: streamStatuses },
    { name: 'state_messages', run: stateMessages },
    { name: 'emitted_at_epoch_ms', run: emittedAt },
    protocolCheck(ctx, (i) => i.run),
    nullOptionalFieldsCheck,
    splitlinesCheck,
    {
      name: 'trace_on_failure',
      run: (i) => {
        if (i.test.expect_trace_message_on_failure === false)
          return skip('expect_trace_message_on_failure is false');
        const errors = tracesOf(i.invalid.messages, 'ERROR');
        if (errors.length === 0)
          return fail(
            `no TRACE ERROR for an unknown stream with sync_mode INVALID; ${describeRun(i.invalid)}`,
          );
        return i.invalid.code === 0
          ? fail('TRACE ERROR emitted but the exit code is 0')
          : pass(errors[0]?.error?.message);
      },
    },
  ];
}

function loadExpected(ctx: RunContext, test: TestEntry): ExpectedRecord[] | undefined {
  const path = test.expect_records?.path;
  if (!path) return undefined;
  const file = resolvePath(ctx.cat, path);
  if (!existsSync(file)) throw new Error(`expect_records.path ${path} does not exist`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ExpectedRecord);
}

export async function runBasicRead(ctx: RunContext, test: TestEntry, prefix: string): Promise<Result[]> {
  const discovered = catalogStreams(await discover(ctx, test));
  const catalog =
    ctx.cat.test_strictness_level !== 'high' && test.configured_catalog_path
      ? fromFile(resolvePath(ctx.cat, test.configured_catalog_path), discovered)
      : fromDiscovered(discovered);
  const config = configPathOf(ctx, test);
  const timeout = timeoutOf(ctx, test);
  const [run, invalid] = await Promise.all([
    ctx.connector.read(config, catalog, undefined, timeout),
    ctx.connector.read(config, INVALID_CATALOG, undefined, timeout),
  ]);
  const input = {
    test,
    catalog,
    run,
    records: recordsOf(run.messages),
    expected: loadExpected(ctx, test),
    invalid,
  };
  return runChecks(prefix, basicReadChecks(ctx), input);
}
