// Page loops against a server that never says it is done: fresh tokens over empty pages, fresh tokens over
// the rows it already served. Each stream fails loudly (PAGING_NO_PROGRESS, system_error, naming the stream
// and the URL path) within the bound; every row served is emitted; the last STATE, fed back, loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGES_WITHOUT_PROGRESS } from '../../src/engine/progress.js';
import { HostileServer, type Reply } from './hostile-server.js';
import {
  errorsOf,
  expectFailedLoudly,
  expectInvariants,
  expectSucceeded,
  finalStates,
  recordsOf,
} from './invariants.js';
import { DAY, freshKeys, hostileConfig, readHostile, todayStart, usageRow, WORKSPACE } from './run.js';

const BOUND_MS = 20_000;
const USAGE = `/v1/analytics/codex/workspaces/${WORKSPACE}/usage`;
const TASKS = `/v1/compliance/workspaces/${WORKSPACE}/codex_tasks`;
const keys = freshKeys();
let server: HostileServer;

beforeAll(async () => (server = await HostileServer.start({})));
afterAll(async () => server.close());

const read = (streams: string[], state?: unknown[]) =>
  readHostile({ config: hostileConfig(server.url, keys), streams, state, boundMs: BOUND_MS });

describe('page loops that never end', { timeout: 90_000 }, () => {
  it('usage: fresh tokens over empty pages with has_more forever fail loudly, and the last STATE re-reads what was not checkpointed', async () => {
    const d1 = todayStart() - 3 * DAY;
    const d2 = todayStart() - 2 * DAY;
    server.play({
      [USAGE]: (n): Reply => ({
        json: {
          object: 'page',
          data: n === 0 ? [usageRow(d1, 'u1'), usageRow(d2, 'u2')] : [],
          has_more: true,
          next_page: `fresh-${n}`,
        },
      }),
    });
    const run = await read(['usage']);
    expectInvariants(run, keys, BOUND_MS);
    const message = expectFailedLoudly(run, 'usage', 'PAGING_NO_PROGRESS');
    expect(message).toMatch(
      /^usage: .*GET \/v1\/analytics\/codex\/workspaces\/[0-9a-f-]+\/usage: \d+ pages in a row/,
    );
    expect(errorsOf(run)[0]?.failure_type).toBe('system_error');
    expect(server.hitsOf(USAGE).length).toBeLessThanOrEqual(MAX_PAGES_WITHOUT_PROGRESS + 1);
    expect(recordsOf(run, 'usage').map((r) => r.user_id)).toEqual(['u1', 'u2']);

    server.play({
      [USAGE]: [{ json: { object: 'page', data: [usageRow(d2, 'u2')], has_more: false, next_page: null } }],
    });
    const resumed = await read(['usage'], finalStates(run));
    expectSucceeded(resumed);
    expect(Number(server.hitsOf(USAGE)[0]?.query.get('start_time'))).toBeLessThanOrEqual(d2);
  });

  it('codex_tasks: fresh tokens repeating the same rows forever fail loudly, with every row served emitted', async () => {
    const tasks = [1, 2, 3].map((i) => ({
      id: `task_${i}`,
      title: 't',
      created_at: 1_700_000_000,
      updated_at: 1_700_000_000 + i,
    }));
    server.play({
      [TASKS]: (n): Reply => ({ json: { data: tasks, has_more: true, cursor: `fresh-${n}` } }),
    });
    const run = await read(['codex_tasks']);
    expectInvariants(run, keys, BOUND_MS);
    const message = expectFailedLoudly(run, 'codex_tasks', 'PAGING_NO_PROGRESS');
    expect(message).toMatch(/codex_tasks: .*GET \/v1\/compliance\/workspaces\/[0-9a-f-]+\/codex_tasks/);
    expect(new Set(recordsOf(run, 'codex_tasks').map((r) => r.id))).toEqual(new Set(tasks.map((t) => t.id)));
  });

  it('codex_tasks: a token that comes back again fails at once (PAGING_LOOP), as before', async () => {
    server.play({
      [TASKS]: (n): Reply => ({
        json: {
          data: [{ id: `task_${n}`, created_at: 1, updated_at: 2 }],
          has_more: true,
          cursor: `t${n % 2}`,
        },
      }),
    });
    const run = await read(['codex_tasks']);
    expectInvariants(run, keys, BOUND_MS);
    expectFailedLoudly(run, 'codex_tasks', 'PAGING_LOOP');
  });
});
