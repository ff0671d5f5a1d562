// Limits with names, against servers that lie about size and time: a total deadline per request
// (request_timeout_seconds), a largest JSON page (max_page_size_mb) and a longest log line
// (max_log_line_size_mb), each failing with its own code and a message naming the key to change.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { complianceConfig, complianceFake, event } from './compliance-fake.js';
import {
  catalogOf,
  isLog,
  loopback,
  recordsOf,
  scratch,
  start,
  traceErrors,
  type Child,
  type Json,
  type Loopback,
} from './loopback.js';

const ADMIN_KEY = 'sk-admin-limits-0123456789abcdefghij';
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

function read(config: Json, streams: string[], env: Record<string, string> = {}): Child {
  return start(
    [
      'read',
      '--config',
      files.write('config.json', config),
      '--catalog',
      files.write('catalog.json', catalogOf(streams)),
    ],
    env,
  );
}

const adminConfig = (extra: Json = {}): Json => ({
  admin_api_key: ADMIN_KEY,
  admin_api_base_url: server?.base,
  ...extra,
});

describe('request_timeout_seconds is a total deadline', () => {
  it('given a server that drips a byte every 300 ms and never finishes, when reading with a 1 s timeout, then each attempt ends at 1 s and the sync fails with REQUEST_DEADLINE within a bound', async () => {
    server = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"object":"list","data":[');
      const drip = setInterval(() => res.write(' '), 300); // never idle for 1 s: undici's timers never fire
      res.on('close', () => clearInterval(drip));
    });
    const began = Date.now();
    child = read(adminConfig({ request_timeout_seconds: 1 }), ['organization_users']);
    const { code } = await child.exited;
    expect(code).toBe(1);
    expect(Date.now() - began).toBeLessThan(20_000);
    expect(server.seen).toHaveLength(6); // the transient retries, then it gives up
    const [error] = traceErrors(child.messages);
    expect(error?.internal_message).toBe('REQUEST_DEADLINE');
    expect(error?.message).toMatch(/did not finish within 1 s: request_timeout_seconds is a total deadline/);
    expect(error?.failure_type).toBe('transient_error');
  });
});

describe('max_page_size_mb', () => {
  it('given a JSON page that never ends, when reading with max_page_size_mb 1, then it stops reading at the limit and fails with PAGE_TOO_LARGE, once', async () => {
    let sent = 0;
    server = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"object":"list","data":[');
      const row = Buffer.from(`${JSON.stringify({ object: 'organization.user', id: 'x'.repeat(1000) })},`);
      const pump = () => {
        while (!res.destroyed && sent < 256 * 1024 * 1024) {
          sent += row.length;
          if (!res.write(row)) return void res.once('drain', pump);
        }
      };
      pump();
    });
    child = read(adminConfig({ max_page_size_mb: 1 }), ['organization_users']);
    expect((await child.exited).code).toBe(1);
    const [error] = traceErrors(child.messages);
    expect(error?.internal_message).toBe('PAGE_TOO_LARGE');
    expect(error?.message).toMatch(/larger than max_page_size_mb \(1 MB\).*raise max_page_size_mb/);
    expect(server.seen).toHaveLength(1); // not retried: the same page would be as large
    expect(sent).toBeLessThan(32 * 1024 * 1024); // what was sent before the reader hung up (socket buffers)
  });

  it('given a Content-Length of 200 MB, when reading, then it fails with PAGE_TOO_LARGE at once, without reading the body', async () => {
    server = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) });
      res.write('{"data":['); // and nothing more: reading on would wait for the deadline
    });
    const began = Date.now();
    child = read(adminConfig(), ['organization_users']);
    expect((await child.exited).code).toBe(1);
    expect(Date.now() - began).toBeLessThan(15_000);
    expect(traceErrors(child.messages)[0]?.message).toMatch(/larger than max_page_size_mb \(64 MB\)/);
  });
});

describe('max_log_line_size_mb', () => {
  const secretText = 'confidential-prompt-words';
  const long = `{"event_id":"big","event_details":{"prompt_text":"${secretText}${'z'.repeat(3 * 1024 * 1024)}"}}`;
  const bytes = Buffer.from(`${event('e1')}\n${long}\n${event('e3')}\n`);

  it('given a 3 MB line and max_log_line_size_mb 1, when reading, then the stream fails with LOG_LINE_TOO_LONG naming the keys, quoting nothing of the line', async () => {
    server = await complianceFake([{ id: 'f1', bytes }]);
    child = read(complianceConfig(server, { max_log_line_size_mb: 1 }), ['compliance_logs'], {
      TMPDIR: files.dir,
    });
    expect((await child.exited).code).toBe(1);
    const [error] = traceErrors(child.messages);
    expect(error?.internal_message).toBe('LOG_LINE_TOO_LONG');
    expect(error?.message).toMatch(/line 2 is longer than max_log_line_size_mb \(1 MB\)/);
    expect(error?.message).toMatch(/set skip_malformed_log_lines/);
    expect(child.stdout()).not.toContain('confidential');
  });

  it('given the same line with skip_malformed_log_lines on, when reading, then the other events are emitted and the line is counted as skipped', async () => {
    server = await complianceFake([{ id: 'f1', bytes }]);
    const config = complianceConfig(server, { max_log_line_size_mb: 1, skip_malformed_log_lines: true });
    child = read(config, ['compliance_logs'], { TMPDIR: files.dir });
    expect((await child.exited).code).toBe(0);
    expect(recordsOf(child.messages, 'compliance_logs').map((r) => r.event_id)).toEqual(['e1', 'e3']);
    await child.waitFor(isLog(/skipped 1 malformed log line\(s\).*f1 line 2/), 1_000);
    expect(child.stdout()).not.toContain('confidential');
  });
});

describe('a huge log line is never held whole', () => {
  // Read whole (max_log_line_size_mb 256), the same file peaks at about 560 MB; skipped, at about 140 MB.
  it.runIf(process.platform === 'linux')(
    'given a 160 MB line under the default max_log_line_size_mb (32) and skip_malformed_log_lines, when reading, then it is skipped and peak RSS stays under 250 MB',
    async () => {
      // VmHWM is the peak of this process's own memory; getrusage's maxRSS would count the forked test worker.
      const reporter = files.write(
        'max-rss.cjs',
        "process.on('exit', () => process.stderr.write(`MAX_RSS_KB ${/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]}\\n`));",
      );
      const head = `${event('e1')}\n{"event_id":"huge","x":"`;
      const tail = `"}\n${event('e3')}\n`;
      const bytes = Buffer.alloc(160 * 1024 * 1024, 'z'); // one allocation: the test worker is short of memory too
      bytes.write(head, 0);
      bytes.write(tail, bytes.length - tail.length);
      server = await complianceFake([{ id: 'f1', bytes }]);
      child = read(complianceConfig(server, { skip_malformed_log_lines: true }), ['compliance_logs'], {
        TMPDIR: files.dir,
        NODE_OPTIONS: `--require ${reporter}`,
      });
      expect((await child.exited).code).toBe(0);
      expect(recordsOf(child.messages, 'compliance_logs').map((r) => r.event_id)).toEqual(['e1', 'e3']);
      const maxRssMb = Number(/MAX_RSS_KB (\d+)/.exec(child.stderr())?.[1]) / 1024;
      expect(maxRssMb).toBeGreaterThan(20); // the reporter ran
      expect(maxRssMb).toBeLessThan(250);
    },
    60_000,
  );
});
