// Compliance download and listing faults, end to end: the built connector against the simulator.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compareInstants } from '../../src/logs/instants.js';
import { ofType } from '../helpers/protocol.js';
import { errors, harness, recordsOf, statuses, type Harness, type Json } from '../helpers/sim.js';
import { daysAgo, truthEvents, truthFiles, type RunResult, type TruthFile } from './compliance-helpers.js';

const START = daysAgo(2);
const AFTER = `${START}T00:00:00Z`;

// The connector inherits this worker's TMPDIR: a private one shows whether it leaves temporary files behind.
const privateTmp = mkdtempSync(join(tmpdir(), 'compliance-faults-'));
process.env.TMPDIR = privateTmp;
const leftovers = () => readdirSync(privateTmp).filter((name) => name.startsWith('codex-logs-'));

let h: Harness;
beforeAll(async () => {
  h = await harness({ rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await h.close();
  rmSync(privateTmp, { recursive: true, force: true });
});
beforeEach(() => h.sim.faults.clear());

const config = (over: Json = {}) =>
  h.config({
    start_date: START,
    max_requests_per_minute: 1000,
    analytics_api_key: undefined,
    admin_api_key: undefined,
    ...over,
  });
const readLogs = (over: Json = {}) => h.read(['compliance_logs'], { config: config(over) });
const logLines = (run: RunResult) =>
  ofType(run.messages, 'LOG').map((m) => (m.log as { message: string }).message);

/** A file in the middle of the first partition (workspace 1, CODEX_LOG). */
function middleFile(): TruthFile {
  const files = truthFiles(h.sim, AFTER).filter(
    (f) => f.workspace_id === h.sim.workspaceIds[0] && f.event_type === 'CODEX_LOG',
  );
  const f = files[Math.floor(files.length / 2)];
  if (!f) throw new Error('no file');
  return f;
}

function expectComplete(run: RunResult): void {
  expect(run.code).toBe(0);
  expect(statuses(run, 'compliance_logs').at(-1)).toBe('COMPLETE');
  const truth = truthEvents(h.sim, truthFiles(h.sim, AFTER));
  expect(new Set(recordsOf(run).map((r) => String(r.event_id)))).toEqual(new Set(truth.keys()));
}

function expectFailed(run: RunResult, pattern: RegExp): void {
  expect(run.code).not.toBe(0);
  expect(statuses(run, 'compliance_logs').at(-1)).toBe('INCOMPLETE');
  const [error] = errors(run);
  expect(error?.stream_descriptor?.name).toBe('compliance_logs');
  expect(error?.message).toMatch(pattern);
}

/** Every cursor any STATE gave the partition of `file`. */
function cursorsFor(run: RunResult, file: TruthFile): string[] {
  return ofType(run.messages, 'STATE').flatMap((m) => {
    const states =
      (m.state as { stream: { stream_state: { states?: { partition: Json; cursor: Json }[] } } }).stream
        .stream_state.states ?? [];
    return states
      .filter(
        (s) => s.partition.workspace_id === file.workspace_id && s.partition.event_type === file.event_type,
      )
      .map((s) => String(s.cursor.log_file_end_time));
  });
}

describe('compliance_logs download faults', () => {
  it('given a sha256 mismatch that persists, then state never passes that file and the sync fails', async () => {
    const bad = middleFile();
    h.sim.faults.add({ kind: 'sha_mismatch', route: 'log_file', fileId: bad.id, times: Infinity });
    const run = await readLogs();
    expectFailed(run, new RegExp(`log file ${bad.id}: sha256 .* does not match`));
    expect(errors(run)[0]?.failure_type).toBe('transient_error');
    const cursors = cursorsFor(run, bad);
    expect(cursors.length).toBeGreaterThan(0);
    expect(cursors.every((c) => (compareInstants(c, bad.end_time) ?? 0) < 0)).toBe(true);
    expect(recordsOf(run).some((r) => r.log_file_id === bad.id)).toBe(false);
    expect(leftovers()).toEqual([]); // temporary files and directory removed on failure too
    expect(
      logLines(run).filter((m) => m.includes(`log file ${bad.id}`) && /Retrying/.test(m)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['sha_mismatch', /Retrying .*sha256/],
    ['truncated_download', /Retrying .*ended after \d+ of \d+ bytes/],
    ['reset_download', /Retrying .*broke off/],
    ['expired_url', /signed URL was refused/],
  ] as const)('given one %s, then the file is fetched again and the sync completes', async (kind, logged) => {
    const bad = middleFile();
    h.sim.faults.add({ kind, route: 'log_file', fileId: bad.id });
    const run = await readLogs();
    expectComplete(run);
    expect(logLines(run).some((m) => m.includes(bad.id) && logged.test(m))).toBe(true);
    expect(h.sim.stats.authorizationAtFileHost()).toBe(0);
    expect(leftovers()).toEqual([]);
  });
});

describe('compliance_log_files listing faults', () => {
  it.each([
    ['null_last_end_time', /has_more but gave last_end_time null/],
    ['repeat_cursor', /does not advance past/],
  ] as const)(
    'given has_more with %s, then the stream fails clearly instead of looping',
    async (kind, pattern) => {
      h.sim.faults.add({ kind, route: 'logs' });
      const run = await h.read(['compliance_log_files'], { config: config() });
      expect(run.code).not.toBe(0);
      expect(statuses(run, 'compliance_log_files').at(-1)).toBe('INCOMPLETE');
      const [error] = errors(run);
      expect(error).toMatchObject({
        failure_type: 'system_error',
        stream_descriptor: { name: 'compliance_log_files' },
      });
      expect(error?.message).toMatch(pattern);
      expect(h.sim.stats.count('logs')).toBeLessThan(100);
    },
  );
});

// Last: a malformed line is a content fault, so the file keeps it for the rest of this simulator's life.
describe('compliance_logs malformed lines', () => {
  it('given a malformed line, then the stream fails naming the file and the line', async () => {
    const bad = middleFile();
    h.sim.faults.add({ kind: 'malformed_line', route: 'log_file', fileId: bad.id });
    const run = await readLogs();
    const line = [...h.sim.truth.compliance.fileLines(bad.workspace_id, bad.id)].findIndex((l) => {
      try {
        JSON.parse(l);
        return false;
      } catch {
        return true;
      }
    });
    expect(line).toBeGreaterThan(0);
    expectFailed(run, new RegExp(`log file ${bad.id} .*line ${line + 1} is malformed`));
    expect(cursorsFor(run, bad).every((c) => (compareInstants(c, bad.end_time) ?? 0) < 0)).toBe(true);
  });

  it('given skip_malformed_log_lines, then it completes, skipping and counting the line in a WARN', async () => {
    const bad = middleFile();
    const run = await readLogs({ skip_malformed_log_lines: true });
    expectComplete(run);
    const warn = ofType(run.messages, 'LOG').find((m) =>
      /skipped 1 malformed log line/.test(JSON.stringify(m)),
    );
    expect(warn).toMatchObject({ log: { level: 'WARN' } });
    expect(JSON.stringify(warn)).toContain(bad.id);
  });
});
