// Pages larger than one slice (2,000 rows) are kept as bytes and parsed a slice at a time as they are emitted
// (src/api/lazy-page.ts). Against a server that knows nothing of that: a page whose 4,501st row is not JSON
// emits the slices before it, fails loudly, and its last STATE re-reads the day it did not finish; a page cut
// short is fetched again; every row of a clean large page arrives once, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostileServer } from './hostile-server.js';
import {
  errorsOf,
  expectFailedLoudly,
  expectInvariants,
  expectSucceeded,
  finalStates,
  recordsOf,
} from './invariants.js';
import { DAY, freshKeys, hostileConfig, readHostile, todayStart, usageRow, WORKSPACE } from './run.js';

const BOUND_MS = 30_000;
const USAGE = `/v1/analytics/codex/workspaces/${WORKSPACE}/usage`;
const keys = freshKeys();
let server: HostileServer;

beforeAll(async () => (server = await HostileServer.start({})));
afterAll(async () => server.close());

const read = (state?: unknown[]) =>
  readHostile({ config: hostileConfig(server.url, keys), streams: ['usage'], state, boundMs: BOUND_MS });
const d1 = () => todayStart() - 5 * DAY;

/** 5,000 usage rows: 2,000 on each of the first two days, 1,000 on the third (three slices, one per day). */
function rowsText(): string[] {
  return Array.from({ length: 5_000 }, (_, i) => {
    const start = d1() + Math.floor(i / 2_000) * DAY;
    return JSON.stringify(usageRow(start, `u${i}`));
  });
}
const page = (rows: string[]) =>
  `{"object":"page","data":[${rows.join(',')}],"has_more":false,"next_page":null}`;
const dayOf = (s: number) => new Date(s * 1000).toISOString().slice(0, 10);

describe('large pages, read in slices', { timeout: 90_000 }, () => {
  it('given a page of 5,000 rows, then every row is emitted once and in order', async () => {
    const rows = rowsText();
    server.play({ [USAGE]: [{ body: page(rows), headers: { 'content-type': 'application/json' } }] });
    const run = await read();
    expectInvariants(run, keys, BOUND_MS);
    expectSucceeded(run);
    expect(recordsOf(run, 'usage').map((r) => r.user_id)).toEqual(rows.map((_, i) => `u${i}`));
  });

  it('given a page whose 4,501st row is not valid JSON, then the first two slices are emitted, the stream fails loudly, and its STATE re-reads the third day', async () => {
    const rows = rowsText();
    rows[4_500] = '{"start_time":tru}';
    server.play({ [USAGE]: [{ body: page(rows), headers: { 'content-type': 'application/json' } }] });
    const run = await read();
    expectInvariants(run, keys, BOUND_MS);
    const message = expectFailedLoudly(run, 'usage', 'BODY_NOT_JSON');
    expect(message).toContain('rows 4001 to 5000 of a page of 5000 are not valid JSON');
    expect(message).not.toContain('tru');
    expect(errorsOf(run)[0]?.failure_type).toBe('system_error');
    expect(recordsOf(run, 'usage')).toHaveLength(4_000);

    // Resumed with a clean page: the day whose rows were not all emitted is read again.
    server.play({ [USAGE]: [{ body: page(rowsText()), headers: { 'content-type': 'application/json' } }] });
    const resumed = await read(finalStates(run));
    expectSucceeded(resumed);
    const from = Number(server.hitsOf(USAGE)[0]?.query.get('start_time'));
    expect(dayOf(from) <= dayOf(d1() + 2 * DAY)).toBe(true);
    const again = new Set(recordsOf(resumed, 'usage').map((r) => r.user_id));
    for (let i = 4_000; i < 5_000; i++) expect(again.has(`u${i}`)).toBe(true);
  });

  it('given a large page cut short once, then it is fetched again and every row is emitted once', async () => {
    const body = page(rowsText());
    server.play({
      [USAGE]: [
        { body, cutAfterBytes: Math.floor(body.length / 2) },
        { body, headers: { 'content-type': 'application/json' } },
      ],
    });
    const run = await read();
    expectInvariants(run, keys, BOUND_MS);
    expectSucceeded(run);
    expect(server.hitsOf(USAGE)).toHaveLength(2);
    expect(recordsOf(run, 'usage')).toHaveLength(5_000);
  });
});
