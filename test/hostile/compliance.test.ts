// The Compliance listing against a server that lies: a file stamped in the future, a listing that never ends,
// a last_end_time that creeps forward over empty pages. Each test states what must hold.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGES_WITHOUT_PROGRESS } from '../../src/engine/progress.js';
import { HostileServer, type Reply } from './hostile-server.js';
import {
  cursorsOf,
  expectFailedLoudly,
  expectInvariants,
  expectSucceeded,
  finalStates,
  recordsOf,
  warningsOf,
} from './invariants.js';
import { freshKeys, hostileConfig, readHostile, WORKSPACE } from './run.js';

const BOUND_MS = 20_000;
const LOGS = `/v1/compliance/workspaces/${WORKSPACE}/logs`;
const FUTURE = '2099-01-01T00:00:00.000000Z';
const keys = freshKeys();
let server: HostileServer;

beforeAll(async () => (server = await HostileServer.start({})));
afterAll(async () => server.close());

const iso = (ms: number) => new Date(ms).toISOString();
const file = (id: string, endTime: string, lines: string[] = []) => {
  const body = lines.map((l) => `${l}\n`).join('');
  return {
    row: {
      id,
      event_type: 'CODEX_LOG',
      end_time: endTime,
      file_name: `CODEX_LOG_${endTime}.jsonl`,
      file_size: Buffer.byteLength(body),
      file_sha256: createHash('sha256').update(body).digest('hex'),
    },
    body,
  };
};
type File = ReturnType<typeof file>;

/** An honest listing of `files` (strict `after`, ascending end_time, one page), as the API documents it. */
const honest =
  (files: File[]) =>
  (_n: number, url: URL): Reply => {
    const after = Date.parse(url.searchParams.get('after') ?? '');
    const later = files.filter((f) => Date.parse(f.row.end_time) > after).map((f) => f.row);
    return { json: { data: later, has_more: false, last_end_time: later.at(-1)?.end_time ?? null } };
  };

/** The listing plus each file's download: a redirect to a signed URL on this server, then the bytes. */
function script(files: File[]) {
  const routes: Record<string, Reply[] | ((n: number, url: URL) => Reply)> = { [LOGS]: honest(files) };
  for (const f of files) {
    routes[`${LOGS}/${f.row.id}`] = [{ redirect: `/signed/${f.row.id}` }];
    routes[`/signed/${f.row.id}`] = [{ body: f.body }];
  }
  return routes;
}

const config = () => hostileConfig(server.url, keys, { compliance_event_types: ['CODEX_LOG'] });
const read = (streams: string[], state?: unknown[]) =>
  readHostile({ config: config(), streams, state, boundMs: BOUND_MS });

describe('hostile Compliance listing', { timeout: 90_000 }, () => {
  it('given a file with end_time in the future, then every file is emitted, the cursor stops at the sync start with a WARN, and the next sync still gets real files', async () => {
    const old = file('old', iso(Date.now() - 7_200_000));
    server.play(script([old, file('future', FUTURE)]));
    const first = await read(['compliance_log_files']);
    expectInvariants(first, keys, BOUND_MS);
    expectSucceeded(first);
    expect(recordsOf(first, 'compliance_log_files').map((r) => r.id)).toEqual(['old', 'future']);
    for (const c of cursorsOf(first, 'compliance_log_files'))
      expect(Date.parse(String(c))).toBeLessThanOrEqual(Date.now());
    expect(warningsOf(first).join('\n')).toMatch(
      /compliance_log_files: log file future .*2099-01-01.*after this sync began \(20\d\d-/,
    );

    const real = file('real', iso(Date.now()));
    server.play(script([old, real, file('future', FUTURE)]));
    const second = await read(['compliance_log_files'], finalStates(first));
    expectInvariants(second, keys, BOUND_MS);
    expect(recordsOf(second, 'compliance_log_files').map((r) => r.id)).toContain('real');
  });

  it('given compliance_logs and a file with end_time in the future, then its events are emitted and no saved cursor is in the future', async () => {
    const files = [
      file('a', iso(Date.now() - 60_000), ['{"event_id":"e1"}']),
      file('z', FUTURE, ['{"event_id":"e2"}']),
    ];
    server.play(script(files));
    const run = await read(['compliance_logs']);
    expectInvariants(run, keys, BOUND_MS);
    expectSucceeded(run);
    expect(recordsOf(run, 'compliance_logs').map((r) => r.event_id)).toEqual(['e1', 'e2']);
    for (const c of cursorsOf(run, 'compliance_logs'))
      expect(Date.parse(String(c))).toBeLessThanOrEqual(Date.now());
    expect(warningsOf(run).join('\n')).toMatch(/compliance_logs: log file z .*2099/);
  });

  it('given a listing that hands out a new file per page forever, then the listing stops at the sync start', async () => {
    const start = Date.now() - 3_600_000;
    server.play({
      [LOGS]: (n) => {
        const f = file(`f${n}`, iso(start + n * 600_000)).row;
        return { json: { data: [f], has_more: true, last_end_time: f.end_time } };
      },
    });
    const run = await read(['compliance_log_files']);
    expectInvariants(run, keys, BOUND_MS);
    expectSucceeded(run);
    expect(server.hitsOf(LOGS).length).toBeLessThanOrEqual(8);
  });

  it('given last_end_time creeping forward a second at a time over empty pages, then the stream fails loudly naming the stream and path, and its last STATE loses nothing', async () => {
    const first = file('first', iso(Date.now() - 86_400_000));
    const creepFrom = Date.parse(first.row.end_time);
    server.play({
      [LOGS]: (n) =>
        n === 0
          ? { json: { data: [first.row], has_more: true, last_end_time: first.row.end_time } }
          : { json: { data: [], has_more: true, last_end_time: iso(creepFrom + n * 1000) } },
    });
    const run = await read(['compliance_log_files']);
    expectInvariants(run, keys, BOUND_MS);
    const message = expectFailedLoudly(run, 'compliance_log_files', 'PAGING_NO_PROGRESS');
    expect(message).toMatch(/compliance_log_files.*GET \/v1\/compliance\/workspaces\/[0-9a-f-]+\/logs/);
    expect(server.hitsOf(LOGS).length).toBeLessThanOrEqual(MAX_PAGES_WITHOUT_PROGRESS + 1);
    expect(recordsOf(run, 'compliance_log_files').map((r) => r.id)).toEqual(['first']);

    const next = file('next', iso(Date.now() - 1000));
    server.play(script([first, next]));
    const resumed = await read(['compliance_log_files'], finalStates(run));
    expectSucceeded(resumed);
    expect(recordsOf(resumed, 'compliance_log_files').map((r) => r.id)).toEqual(['next']);
  });
});
