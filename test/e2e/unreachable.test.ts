// A base URL where nothing listens: a full-catalog read ends within seconds, every stream with one
// config_error naming the URL and the setting to fix, instead of ~30 s of retries per stream. The retry delay
// is the real one here (no SOURCE_OPENAI_CODEX_RETRY_BASE_MS), so a retry would show in the time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Reachability } from '../../src/api/reachability.js';
import { STREAMS } from '../../src/streams.js';
import { ofType, runConnector } from '../helpers/protocol.js';
import { errors, statuses } from '../helpers/sim.js';

const dir = mkdtempSync(join(tmpdir(), 'codex-unreachable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A loopback port that was just free: listen on 0, note the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Random-looking keys: a word such as "analytics" inside one would match the output's own text.
const KEYS = {
  analytics_api_key: 'q7Zt2WxK9mPb4RvLc8NdYh3JfGs6TkAe',
  compliance_api_key: 'Lm4Xp8VqR2nWz7KcT5yHb9JdF3sGa6Ue',
  admin_api_key: 'sk-admin-Hr6Tn2Qw8ZxPk4Mv9LcJb3Yd7FgSa5Ue',
};

describe('given base URLs on closed loopback ports', () => {
  it('a full-catalog read ends within seconds, each stream INCOMPLETE with HOST_UNREACHABLE naming its URL', async () => {
    const [api, admin] = [await closedPort(), await closedPort()];
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        workspace_ids: ['00000000-0000-4000-8000-000000000000'],
        ...KEYS,
        organization_id: 'org-Unreachable1',
        api_base_url: `http://127.0.0.1:${api}/v1`,
        admin_api_base_url: `http://127.0.0.1:${admin}/v1`,
      }),
    );
    const catalog = join(dir, 'catalog.json');
    const streams = STREAMS.map((s) => ({
      stream: { name: s.name },
      sync_mode: 'full_refresh',
      destination_sync_mode: 'overwrite',
    }));
    writeFileSync(catalog, JSON.stringify({ streams }));
    const started = Date.now();
    const run = await runConnector(['read', '--config', config, '--catalog', catalog]);
    const seconds = (Date.now() - started) / 1000;

    expect(seconds).toBeLessThan(5);
    expect(run.code).toBe(1);
    for (const s of STREAMS) {
      expect(statuses(run, s.name).at(-1), s.name).toBe('INCOMPLETE');
      const [error, ...more] = errors(run).filter((e) => e.stream_descriptor?.name === s.name);
      expect(more, s.name).toEqual([]);
      expect(error?.failure_type, s.name).toBe('config_error');
      const port = s.family === 'admin' ? admin : api;
      const setting = s.family === 'admin' ? 'admin_api_base_url' : 'api_base_url';
      expect(error?.message, s.name).toContain(`cannot reach http://127.0.0.1:${port}`);
      expect(error?.message, s.name).toContain(`Check ${setting}`);
    }
    // No retry was logged, and no key (nor any 8-character piece of one) came out.
    expect(ofType(run.messages, 'LOG').map((m) => JSON.stringify(m))).not.toContainEqual(
      expect.stringMatching(/Retrying/),
    );
    for (const key of Object.values(KEYS))
      for (let i = 0; i + 8 <= key.length; i++)
        expect(run.stdout + run.stderr).not.toContain(key.slice(i, i + 8));
  }, 30_000);
});

describe('Reachability', () => {
  const url = new URL('https://user:secret@api.example.com:8443/v1/path?sig=abc');
  const auth = { keyName: 'admin_api_key', key: 'k', api: 'OpenAI Admin API' };

  it('marks an origin unreachable at the first refusal, and names only its scheme, host and port', () => {
    const r = new Reachability();
    const error = r.judge(url, 'ECONNREFUSED', auth);
    expect(error?.failureType).toBe('config_error');
    expect(error?.message).toContain('cannot reach https://api.example.com:8443 (ECONNREFUSED');
    expect(error?.message).not.toMatch(/secret|sig=|\/v1/);
    expect(() => r.check(new URL('https://api.example.com:8443/other'))).toThrow(error);
    expect(() => r.check(new URL('https://api.example.com/other'))).not.toThrow();
  });

  it('gives a name that does not resolve one retry: the second failed lookup marks it', () => {
    const r = new Reachability();
    expect(r.judge(url, 'ENOTFOUND', auth)).toBeUndefined();
    expect(r.judge(url, 'EAI_AGAIN', auth)?.code).toBe('HOST_UNREACHABLE');
  });

  it('forgets a failed lookup once the host answered, and leaves resets and timeouts to the retry policy', () => {
    const r = new Reachability();
    expect(r.judge(url, 'ENOTFOUND', auth)).toBeUndefined();
    r.reached(url);
    expect(r.judge(url, 'ENOTFOUND', auth)).toBeUndefined();
    expect(r.judge(url, 'ECONNRESET', auth)).toBeUndefined();
    expect(r.judge(url, 'UND_ERR_HEADERS_TIMEOUT', auth)).toBeUndefined();
  });
});
