// The Analytics 90-day boundary, with a server that decides where it lies. The API serves the 90 complete
// days before today (today-90 .. today-1) and today so far: a first sync asks from today-90 00:00 UTC; a
// start_date of exactly today-90 is no clamp and gets no warning; a server that refuses today-90 with a 422
// gets today-89 instead, once, with a WARN; one that refuses both fails loudly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostileServer, type Reply } from './hostile-server.js';
import {
  expectFailedLoudly,
  expectInvariants,
  expectSucceeded,
  recordsOf,
  warningsOf,
} from './invariants.js';
import { DAY, freshKeys, hostileConfig, readHostile, todayStart, usageRow, WORKSPACE } from './run.js';

const BOUND_MS = 20_000;
const USAGE = `/v1/analytics/codex/workspaces/${WORKSPACE}/usage`;
const keys = freshKeys();
let server: HostileServer;

beforeAll(async () => (server = await HostileServer.start({})));
afterAll(async () => server.close());

const dayText = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
const read = (extra: Record<string, unknown> = {}) =>
  readHostile({ config: hostileConfig(server.url, keys, extra), streams: ['usage'], boundMs: BOUND_MS });

/** Serves one row on the day asked for, and refuses any start_time before `oldest` with a 422. */
const refusingBefore =
  (oldest: number) =>
  (_n: number, url: URL): Reply => {
    const start = Number(url.searchParams.get('start_time'));
    if (start < oldest) {
      return { status: 422, json: { detail: [{ loc: ['query', 'start_time'], msg: 'too far back' }] } };
    }
    return { json: { object: 'page', data: [usageRow(start, 'u1')], has_more: false, next_page: null } };
  };
const asked = () => server.hitsOf(USAGE).map((h) => dayText(Number(h.query.get('start_time'))));

describe('the Analytics 90-day boundary', { timeout: 90_000 }, () => {
  it('given no start_date, then the first sync asks from today-90 00:00 UTC and gets no warning', async () => {
    server.play({ [USAGE]: refusingBefore(todayStart() - 90 * DAY) });
    const run = await read();
    expectInvariants(run, keys, BOUND_MS);
    expectSucceeded(run);
    expect(asked()).toEqual([dayText(todayStart() - 90 * DAY)]);
    expect(Number(server.hitsOf(USAGE)[0]?.query.get('start_time')) % DAY).toBe(0);
    expect(warningsOf(run)).toEqual([]);
  });

  it('given a start_date of exactly today-90, then it is not clamped and gets no warning', async () => {
    server.play({ [USAGE]: refusingBefore(todayStart() - 90 * DAY) });
    const run = await read({ start_date: dayText(todayStart() - 90 * DAY) });
    expectSucceeded(run);
    expect(asked()).toEqual([dayText(todayStart() - 90 * DAY)]);
    expect(warningsOf(run)).toEqual([]);
  });

  it('given a server that refuses today-90 with a 422, then it steps forward one day once and says so in a WARN', async () => {
    server.play({ [USAGE]: refusingBefore(todayStart() - 89 * DAY) });
    const run = await read();
    expectInvariants(run, keys, BOUND_MS);
    expectSucceeded(run);
    expect(asked()).toEqual([dayText(todayStart() - 90 * DAY), dayText(todayStart() - 89 * DAY)]);
    expect(warningsOf(run).join('\n')).toMatch(
      /usage: the API refused \d{4}-\d\d-\d\d.*reading from \d{4}-\d\d-\d\d/,
    );
    expect(recordsOf(run, 'usage')).toHaveLength(1);
  });

  it('given a server that refuses today-89 too, then it fails loudly after one step', async () => {
    server.play({ [USAGE]: refusingBefore(todayStart() - 88 * DAY) });
    const run = await read();
    expectInvariants(run, keys, BOUND_MS);
    expectFailedLoudly(run, 'usage', 'HTTP_422');
    expect(asked()).toHaveLength(2);
  });
});
