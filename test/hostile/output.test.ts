// Live output: a LOG line leaves the process when it is written, not at the next STATE or 64 KB, so a reader
// (Airbyte's log view) sees what the connector waits for while it waits. Servers here are hand-written and
// loopback-only; the connector runs as a child process.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  catalogOf,
  isLog,
  loopback,
  scratch,
  sendJson,
  start,
  type Child,
  type Loopback,
} from './loopback.js';

const ADMIN_KEY = 'sk-admin-outputtest-0123456789abcdef';
let server: Loopback | undefined;
let child: Child | undefined;
const files = scratch();
afterAll(() => files.remove());

afterEach(async () => {
  child?.proc.kill('SIGKILL');
  await child?.exited;
  await server?.close();
  child = undefined;
  server = undefined;
});

function readUsers(extra: Record<string, unknown> = {}, env: Record<string, string> = {}): Child {
  const config = { admin_api_key: ADMIN_KEY, admin_api_base_url: server?.base, ...extra };
  return start(
    [
      'read',
      '--config',
      files.write('config.json', config),
      '--catalog',
      files.write('catalog.json', catalogOf(['organization_users'])),
    ],
    env,
  );
}

const user = (id: string) => ({
  object: 'organization.user',
  id,
  email: `${id}@example.com`,
  role: 'reader',
});

describe('live output', () => {
  it('given a 429 with Retry-After 120, when reading, then the retry LOG saying until when is on stdout while the process still waits', async () => {
    server = await loopback((_req, res) =>
      sendJson(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '120' }),
    );
    child = readUsers();
    const started = Date.now();
    const log = await child.waitFor(isLog(/Retrying GET \/v1\/organization\/users in 120\.0 s/), 15_000);
    const message = String((log.log as { message: string }).message);
    expect(message).toMatch(/waiting until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(the API's Retry-After\)/);
    const until = Date.parse(/waiting until (\S+)/.exec(message)?.[1] ?? '');
    expect(until - started).toBeGreaterThan(110_000);
    // Read while the connector is still blocked in the 120 s wait: it has not exited.
    expect(child.proc.exitCode).toBeNull();
    expect(server.seen).toHaveLength(1);
  });

  it('given the request budget is used up (1 a minute), when a second page is due, then it logs that it waits for the budget and until when', async () => {
    server = await loopback((_req, res, url) => {
      const second = url.searchParams.get('after') === 'u1';
      sendJson(res, 200, {
        object: 'list',
        data: [user(second ? 'u2' : 'u1')],
        has_more: !second,
        last_id: second ? 'u2' : 'u1',
      });
    });
    child = readUsers({ max_requests_per_minute: 1 });
    const log = await child.waitFor(isLog(/Request budget used up/), 15_000);
    expect(String((log.log as { message: string }).message)).toMatch(
      /waiting until \S+Z \(max_requests_per_minute is 1\)/,
    );
    expect(child.proc.exitCode).toBeNull();
  });

  it('given a read that takes a while, when the progress interval passes, then it logs streams done and records so far', async () => {
    server = await loopback((_req, res, url) => {
      if (url.searchParams.get('after') === null) {
        sendJson(res, 200, { object: 'list', data: [user('u1'), user('u2')], has_more: true, last_id: 'u2' });
        return;
      }
      // The second page comes late: the sync is busy but has nothing else to say.
      setTimeout(() => sendJson(res, 200, { object: 'list', data: [], has_more: false }), 1_500);
    });
    child = readUsers({}, { SOURCE_OPENAI_CODEX_PROGRESS_MS: '200' });
    const log = await child.waitFor(
      isLog(/^Progress: 0 of 1 stream\(s\) done, 2 record\(s\) so far; reading organization_users\.$/),
      15_000,
    );
    expect((log.log as { level: string }).level).toBe('INFO');
    const done = await child.exited;
    expect(done.code).toBe(0);
  });
});
