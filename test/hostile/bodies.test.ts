// Replies that break off, come late or are not what they claim: ridden out when they pass, a loud failure
// (TRACE ERROR, non-zero exit) when they persist, within the bound either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostileServer, type Reply } from './hostile-server.js';
import { errorsOf, expectFailedLoudly, expectInvariants, expectSucceeded, recordsOf } from './invariants.js';
import { freshKeys, hostileConfig, readHostile, WORKSPACE } from './run.js';

const BOUND_MS = 20_000;
const USAGE = `/v1/analytics/codex/workspaces/${WORKSPACE}/usage`;
const DAY = 86_400;
const keys = freshKeys();
let server: HostileServer;

beforeAll(async () => (server = await HostileServer.start({})));
afterAll(async () => server.close());

const start = () => Math.floor(Date.now() / 1000 / DAY) * DAY - 2 * DAY;
const good = (): Reply => ({
  json: {
    object: 'page',
    data: [{ start_time: start(), end_time: start() + DAY, user_id: 'u1', totals: {} }],
    has_more: false,
    next_page: null,
  },
});
const read = (extra: Record<string, unknown> = {}) =>
  readHostile({ config: hostileConfig(server.url, keys, extra), streams: ['usage'], boundMs: BOUND_MS });

describe('replies that break off, come late, or lie about their shape', { timeout: 90_000 }, () => {
  it('given a page cut off mid-body once, then it is asked again and every row is emitted', async () => {
    server.play({ [USAGE]: [{ ...good(), cutAfterBytes: 20 }, good()] });
    const run = await read();
    expectInvariants(run, keys, BOUND_MS);
    expectSucceeded(run);
    expect(recordsOf(run, 'usage').map((r) => r.user_id)).toEqual(['u1']);
  });

  it('given a page cut off every time, then the stream fails loudly as transient after its retries', async () => {
    server.play({ [USAGE]: [{ ...good(), cutAfterBytes: 20 }] });
    const run = await read();
    expectInvariants(run, keys, BOUND_MS);
    expect(run.code).not.toBe(0);
    expect(errorsOf(run)[0]?.failure_type).toBe('transient_error');
    expect(server.hitsOf(USAGE).length).toBeGreaterThan(1);
  });

  it('given a reply slower than request_timeout_seconds once, then it is asked again and the sync completes', async () => {
    server.play({ [USAGE]: [{ ...good(), delayMs: 2500 }, good()] });
    const run = await read({ request_timeout_seconds: 1 });
    expectInvariants(run, keys, BOUND_MS);
    expectSucceeded(run);
    expect(recordsOf(run, 'usage')).toHaveLength(1);
  });

  it('given a 200 whose body is not a page envelope (has_more a string), then it fails loudly with MALFORMED_ENVELOPE', async () => {
    server.play({ [USAGE]: [{ json: { data: [], has_more: 'yes' } }] });
    const run = await read();
    expectInvariants(run, keys, BOUND_MS);
    expectFailedLoudly(run, 'usage', 'MALFORMED_ENVELOPE');
  });
});
