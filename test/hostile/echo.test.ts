// A server that echoes the key back: in an error body, in a 422's field list, in retried 5xx bodies, through
// the Singer tap, in `check`; and one that redirects an API call to another host. No 8-character piece of any
// key may reach stdout or stderr, and the key never reaches another host.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector } from '../helpers/protocol.js';
import { HostileServer } from './hostile-server.js';
import { errorsOf, expectInvariants, keyPiecesIn } from './invariants.js';
import { freshKeys, hostileConfig, readHostile, WORKSPACE } from './run.js';

const BOUND_MS = 20_000;
const USAGE = `/v1/analytics/codex/workspaces/${WORKSPACE}/usage`;
const keys = freshKeys();
/** 16 characters from the middle of the key: the echo the issue found leaking. */
const echo = keys.analytics.slice(22, 38);
let server: HostileServer;
let elsewhere: HostileServer;

beforeAll(async () => {
  server = await HostileServer.start({});
  elsewhere = await HostileServer.start({ '*': [{ json: { data: [], has_more: false } }] }, '127.0.0.2');
});
afterAll(async () => Promise.all([server.close(), elsewhere.close()]));

const readUsage = (tap = false) =>
  readHostile({ config: hostileConfig(server.url, keys), streams: ['usage'], boundMs: BOUND_MS, tap });

describe('a server that echoes the key', { timeout: 90_000 }, () => {
  it('finds a planted piece (the search is not vacuous)', () => {
    expect(keyPiecesIn(`said ${echo}`, keys).length).toBeGreaterThan(0);
  });

  it('given a 401 whose body quotes 16 characters of the key, then the TRACE ERROR holds no piece of it', async () => {
    server.play({
      [USAGE]: [{ status: 401, json: { error: { message: `Incorrect API key provided: ${echo}` } } }],
    });
    const run = await readUsage();
    expectInvariants(run, keys, BOUND_MS);
    expect(run.code).not.toBe(0);
    expect(errorsOf(run)[0]?.message).toMatch(/Incorrect API key provided: \*{10}/);
  });

  it('given a 422 naming the key in its field list, then nothing of the key is printed', async () => {
    const detail = [
      { loc: ['header', echo], msg: `bad ${keys.analytics} and ${keys.analytics.slice(5, 30)}` },
    ];
    server.play({ [USAGE]: [{ status: 422, json: { detail } }] });
    const run = await readUsage();
    expectInvariants(run, keys, BOUND_MS);
    expect(run.code).not.toBe(0);
  });

  it('given 5xx answers echoing pieces of every key in plain text, then neither the retry LOG lines nor the TRACE hold a piece', async () => {
    const body = Object.values(keys)
      .map((k, i) => k.slice(10 + i, 30 + i))
      .join(' | ');
    server.play({ [USAGE]: [{ status: 503, body: `upstream said ${body}` }] });
    const run = await readUsage();
    expectInvariants(run, keys, BOUND_MS);
    expect(run.messages.filter((m) => m.type === 'LOG').length).toBeGreaterThan(1);
  });

  it('given the Singer tap and an echoing 401, then stderr holds no piece', async () => {
    server.play({ [USAGE]: [{ status: 401, json: { detail: `key ${echo} is revoked` } }] });
    const run = await readUsage(true);
    expectInvariants(run, keys, BOUND_MS);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/key \*{10} is revoked/);
  });

  it('given check and an echoing 403, then the CONNECTION_STATUS holds no piece', async () => {
    server.play({ '*': [{ status: 403, json: { detail: `not allowed for ${echo}` } }] });
    const dir = mkdtempSync(join(tmpdir(), 'codex-hostile-'));
    try {
      const config = join(dir, 'config.json');
      writeFileSync(config, JSON.stringify(hostileConfig(server.url, keys)));
      const run = await runConnector(['check', '--config', config]);
      expect(run.stdout).toMatch(/FAILED/);
      expect(keyPiecesIn(run.stdout + run.stderr, keys)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given an API call redirected to another host, then it is refused and that host never sees the key', async () => {
    server.play({ [USAGE]: [{ status: 302, redirect: `${elsewhere.url}/steal?k=${echo}` }] });
    elsewhere.hits = [];
    const run = await readUsage();
    expectInvariants(run, keys, BOUND_MS);
    expect(errorsOf(run)[0]?.internal_message).toBe('REDIRECT_REFUSED');
    expect(elsewhere.hits.filter((h) => h.authorization !== undefined)).toEqual([]);
  });
});
