// Stopping: SIGTERM (how Airbyte and Meltano cancel a sync) writes out what was buffered, ends with one TRACE
// ERROR saying the sync was terminated, removes the temporary folder of downloaded log files, exits non-zero.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { complianceConfig, complianceFake, event } from './compliance-fake.js';
import {
  catalogOf,
  loopback,
  recordsOf,
  scratch,
  sendJson,
  start,
  traceErrors,
  type Child,
  type Loopback,
} from './loopback.js';

const files = scratch();
let server: Loopback | undefined;
let child: Child | undefined;
afterAll(() => files.remove());
afterEach(async () => {
  child?.proc.kill('SIGKILL');
  await child?.exited;
  await server?.close();
  child = undefined;
  server = undefined;
});

const until = async (check: () => boolean, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Users: a first page of three, then a second page that never answers. */
const hangingSecondPage = () =>
  loopback((_req, res, url) => {
    if (url.searchParams.get('after') !== null) return;
    const data = ['u1', 'u2', 'u3'].map((id) => ({ object: 'organization.user', id }));
    sendJson(res, 200, { object: 'list', data, has_more: true, last_id: 'u3' });
  });

describe('SIGTERM', () => {
  it('given records buffered while the next page hangs, when SIGTERM arrives, then they are written, a TRACE says it was terminated, and the exit is 143', async () => {
    server = await hangingSecondPage();
    const config = { admin_api_key: 'sk-admin-lifecycle-0123456789', admin_api_base_url: server.base };
    child = start([
      'read',
      '--config',
      files.write('config.json', config),
      '--catalog',
      files.write('catalog.json', catalogOf(['organization_users'])),
    ]);
    await until(() => server?.seen.some((s) => s.includes('after=u3')) === true, 15_000);
    await new Promise((r) => setTimeout(r, 300)); // page 1's records are queued, below the 64 KB batch
    child.proc.kill('SIGTERM');
    const { code } = await child.exited;
    expect(code).toBe(143);
    expect(recordsOf(child.messages, 'organization_users').map((r) => r.id)).toEqual(['u1', 'u2', 'u3']);
    const last = child.messages.at(-1);
    expect(last?.type).toBe('TRACE');
    const [error] = traceErrors(child.messages);
    expect(error?.message).toMatch(/^Terminated by SIGTERM before the command finished/);
    expect(error?.internal_message).toBe('TERMINATED');
    expect(child.stderr()).toBe('');
  });

  it('given the Singer tap waiting on a page that hangs, when SIGTERM arrives, then the records so far are written, stderr says it was terminated, and the exit is 143', async () => {
    server = await hangingSecondPage();
    const config = { admin_api_key: 'sk-admin-lifecycle-0123456789', admin_api_base_url: server.base };
    const catalog = { streams: [{ tap_stream_id: 'organization_users', selected: true }] };
    const tap = new URL('../../dist/tap.js', import.meta.url).pathname;
    const args = [
      '--config',
      files.write('config.json', config),
      '--catalog',
      files.write('c.json', catalog),
    ];
    child = start(args, {}, tap);
    await until(() => server?.seen.some((s) => s.includes('after=u3')) === true, 15_000);
    await new Promise((r) => setTimeout(r, 300));
    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(143);
    expect(child.messages.filter((m) => m.type === 'RECORD')).toHaveLength(3);
    expect(child.stderr()).toMatch(/^CRITICAL Terminated by SIGTERM; .*\[TERMINATED\]$/m);
  });

  it('given a log file download in progress, when SIGTERM arrives, then the temporary folder is removed', async () => {
    const tmp = join(files.dir, 'tmp');
    mkdirSync(tmp);
    const bytes = Buffer.from(`${event('e1')}\n${event('e2')}\n`);
    server = await complianceFake([
      {
        id: 'f1',
        bytes,
        serve: (res) => {
          res.writeHead(200);
          res.write(bytes.subarray(0, 10)); // then stalls
        },
      },
    ]);
    child = start(
      [
        'read',
        '--config',
        files.write('config.json', complianceConfig(server)),
        '--catalog',
        files.write('catalog.json', catalogOf(['compliance_logs'])),
      ],
      { TMPDIR: tmp },
    );
    const downloads = () => readdirSync(tmp).filter((d) => d.startsWith('codex-logs-'));
    // The request reaching the server, the folder and the partial file inside it appear in that order, but a
    // loaded machine may show the first two before the third: wait for all of them.
    const partial = () => downloads().length === 1 && readdirSync(join(tmp, downloads()[0] ?? '')).length > 0;
    await until(() => server?.seen.includes('/files/f1') === true && partial(), 15_000);
    const folder = join(tmp, downloads()[0] ?? '');
    expect(readdirSync(folder).length).toBeGreaterThan(0); // the partial download is there
    child.proc.kill('SIGTERM');
    const { code } = await child.exited;
    expect(code).toBe(143);
    expect(existsSync(folder)).toBe(false);
    expect(traceErrors(child.messages).map((e) => e.internal_message)).toEqual(['TERMINATED']);
  });
});
