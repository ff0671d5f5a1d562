// Small inputs that used to go wrong quietly: a key with a newline, a start_date in the future, a state cursor
// that is not a time, a 0-byte state file, whole STATE messages as state, a stream listed twice, and a
// malformed log line whose error quoted the line (prompts included).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readJsonLines } from '../../src/logs/jsonl.js';
import { checkCursors } from '../../src/engine/cursor-check.js';
import type { LogLine } from '../../src/logs/lines.js';
import { parseState } from '../../src/protocol/state.js';
import { complianceConfig, complianceFake, event } from './compliance-fake.js';
import {
  catalogOf,
  loopback,
  piecesOf,
  recordsOf,
  scratch,
  sendJson,
  start,
  traceErrors,
  type Child,
  type Json,
  type Loopback,
} from './loopback.js';

const TAP = new URL('../../dist/tap.js', import.meta.url).pathname;
const ADMIN_KEY = 'sk-admin-inputs-0123456789abcdefghijkl';
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

/** An Admin API that lists two users and serves empty usage pages. */
const adminFake = () =>
  loopback((_req, res, url) => {
    if (url.pathname.endsWith('/organization/users')) {
      const data = [{ object: 'organization.user', id: 'u1' }];
      return sendJson(res, 200, { object: 'list', data, has_more: false, last_id: 'u1' });
    }
    sendJson(res, 200, { object: 'page', data: [], has_more: false, next_page: null });
  });

function read(config: Json, catalog: Json, state?: string | unknown[]): Child {
  const args = ['read', '--config', files.write('config.json', config)];
  args.push('--catalog', files.write('catalog.json', catalog));
  if (state !== undefined) args.push('--state', files.write('state.json', state));
  return start(args);
}

const adminConfig = (extra: Json = {}): Json => ({
  admin_api_key: ADMIN_KEY,
  admin_api_base_url: server?.base,
  ...extra,
});

describe('config', () => {
  it('given a key with a newline in it, when reading, then one config_error names the key, no request is sent, and no piece of the key is printed', async () => {
    server = await adminFake();
    const key = `${ADMIN_KEY}\n`;
    child = read(adminConfig({ admin_api_key: key }), catalogOf(['organization_users']));
    expect((await child.exited).code).toBe(1);
    const [error] = traceErrors(child.messages);
    expect(error?.failure_type).toBe('config_error');
    expect(error?.message).toMatch(/`admin_api_key` contains a newline or another control character/);
    expect(server.seen).toEqual([]);
    expect(piecesOf(ADMIN_KEY, child.stdout() + child.stderr())).toEqual([]);
  });

  it('given a start_date after today, when reading, then one config_error names start_date and says why', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    child = read(
      adminConfig({ admin_api_base_url: 'http://127.0.0.1:9/v1', start_date: tomorrow }),
      catalogOf(['organization_users']),
    );
    expect((await child.exited).code).toBe(1);
    const [error] = traceErrors(child.messages);
    expect(error?.failure_type).toBe('config_error');
    expect(error?.message).toMatch(/`start_date` is after today \(\d{4}-\d\d-\d\d, UTC\)/);
  });
});

describe('catalog', () => {
  it('given a stream listed twice, when reading, then one config_error names it instead of reading it twice', async () => {
    const catalog = catalogOf(['organization_users', 'organization_users']);
    child = read(adminConfig({ admin_api_base_url: 'http://127.0.0.1:9/v1' }), catalog);
    expect((await child.exited).code).toBe(1);
    const [error] = traceErrors(child.messages);
    expect(error?.failure_type).toBe('config_error');
    expect(error?.message).toMatch(/stream `organization_users` is listed more than once/);
    expect(child.messages.filter((m) => m.type === 'RECORD')).toEqual([]);
  });
});

const usageState = (cursor: unknown) => ({
  type: 'STREAM',
  stream: {
    stream_descriptor: { name: 'organization_completions_usage' },
    stream_state: { states: [{ partition: {}, cursor: { date: cursor } }] },
  },
});

/** A Singer catalog in the legacy top-level `selected` style: usage (incremental) first, then users. */
const singerCatalog = () => ({
  streams: [
    { tap_stream_id: 'organization_completions_usage', selected: true, replication_method: 'INCREMENTAL' },
    { tap_stream_id: 'organization_users', selected: true },
  ],
});

describe('state', () => {
  it('given an unparseable cursor inside a whole STATE message, when reading, then that stream fails with a config_error naming it and what to do, and the next stream still runs', async () => {
    server = await adminFake();
    const catalog = {
      streams: [
        {
          stream: { name: 'organization_completions_usage' },
          sync_mode: 'incremental',
          destination_sync_mode: 'append',
        },
        {
          stream: { name: 'organization_users' },
          sync_mode: 'full_refresh',
          destination_sync_mode: 'append',
        },
      ],
    };
    child = read(adminConfig(), catalog, [{ type: 'STATE', state: usageState('last tuesday') }]);
    expect((await child.exited).code).toBe(1);
    const errors = traceErrors(child.messages);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.failure_type).toBe('config_error');
    expect(errors[0]?.internal_message).toBe('STATE_CURSOR_INVALID');
    expect(errors[0]?.message).toMatch(
      /^organization_completions_usage: the saved state's date cursor for \{\} is "last tuesday", which is not a day such as 2026-01-31\. Fix that value in the state, or reset this stream/,
    );
    expect(server.seen.some((s) => s.includes('/usage/completions'))).toBe(false);
    expect(recordsOf(child.messages, 'organization_users')).toHaveLength(1);
  });

  it('given the same cursor in a Singer bookmark, when the tap syncs, then that stream fails with STATE_CURSOR_INVALID on stderr and the next stream still runs', async () => {
    server = await adminFake();
    const state = {
      bookmarks: { organization_completions_usage: usageState('last tuesday').stream.stream_state },
    };
    const catalog = files.write('catalog.json', singerCatalog());
    const args = ['--config', files.write('config.json', adminConfig()), '--catalog', catalog];
    child = start([...args, '--state', files.write('state.json', state)], {}, TAP);
    expect((await child.exited).code).toBe(1);
    expect(child.stderr()).toMatch(
      /^ERROR organization_completions_usage: the saved state's date cursor for \{\} is "last tuesday".*\[STATE_CURSOR_INVALID\]$/m,
    );
    expect(child.stdout()).toContain('"stream":"organization_users"');
  });

  it.each([
    ['date', '2026-11-01', true],
    ['date', '2026-02-30', false],
    ['date', '2026-11-01T00:00:00Z', false],
    ['end_time', '2026-11-01T00:00:00.123456Z', true],
    ['end_time', 'soon', false],
    ['effective_at', 1_780_000_000, true],
    ['effective_at', -5, false],
  ] as const)('checks a saved %s cursor of %j (readable: %s)', (field, value, ok) => {
    const prior = { states: [{ partition: { workspace_id: 'w' }, cursor: { [field]: value } }] };
    const run = () => checkCursors(field, prior);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(/^the saved state's \w+ cursor for \{"workspace_id":"w"\} is .*Fix that value/);
  });

  it('given a 0-byte state file, when reading, then it is no state: no warning, and the sync runs', async () => {
    server = await adminFake();
    child = read(adminConfig(), catalogOf(['organization_users']), '');
    expect((await child.exited).code).toBe(0);
    expect(recordsOf(child.messages, 'organization_users')).toHaveLength(1);
    expect(child.messages.filter((m) => m.type === 'LOG' && (m.log as Json).level === 'WARN')).toEqual([]);
  });

  it('accepts whole STATE messages and bare per-stream states alike, and warns about any other shape naming the accepted ones', () => {
    const parsed = parseState([
      { type: 'STATE', state: usageState('2026-11-01') },
      usageState('2026-11-02'),
      { type: 'STATE', state: { type: 'GLOBAL', global: {} } },
      { bookmarks: {} },
    ]);
    expect(parsed.byStream.get('organization_completions_usage')).toEqual({
      states: [{ partition: {}, cursor: { date: '2026-11-02' } }],
    });
    expect(parsed.warnings).toHaveLength(2);
    expect(parsed.warnings[0]).toMatch(
      /^State entry \[2\] has a shape this connector does not read; ignored \(accepted: an array of per-stream states \(\{"type":"STREAM"/,
    );
    expect(parsed.warnings[0]).toMatch(
      /or of whole STATE messages \(\{"type":"STATE","state":\{"type":"STREAM"/,
    );
  });
});

describe('malformed log lines', () => {
  it('given content_handling drop and a line that is not JSON, when the stream fails on it, then the error quotes none of its characters', async () => {
    const bad = 'hunter2: xylophone quarterly';
    server = await complianceFake([{ id: 'f1', bytes: Buffer.from(`${event('e1')}\n${bad}\n`) }]);
    child = start(
      [
        'read',
        '--config',
        files.write('config.json', complianceConfig(server, { content_handling: 'drop' })),
        '--catalog',
        files.write('catalog.json', catalogOf(['compliance_logs'])),
      ],
      { TMPDIR: files.dir },
    );
    expect((await child.exited).code).toBe(1);
    const [error] = traceErrors(child.messages);
    expect(error?.internal_message).toBe('MALFORMED_LOG_LINE');
    expect(error?.message).toMatch(/line 2 is malformed: not JSON \(invalid JSON\)/);
    for (const word of bad.split(' ').filter((w) => w.length >= 3))
      expect(child.stdout()).not.toContain(word);
  });
});

describe('readJsonLines limits and messages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsonl-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const readAll = async (content: Buffer | string, limit: number): Promise<LogLine[]> => {
    const path = join(dir, 'f.jsonl');
    writeFileSync(path, content);
    const out: LogLine[] = [];
    for await (const line of readJsonLines(path, limit)) out.push(line);
    return out;
  };

  it('marks a line longer than the limit (across several reads, and as the last line without newline) and keeps numbering', async () => {
    const long = 'x'.repeat(3 * 1024 * 1024);
    const lines = await readAll(`{"a":1}\n"${long}"\n{"b":2}\n"${long}"`, 1024 * 1024);
    expect(lines.map((l) => ('tooLongBytes' in l ? `${l.line}:long` : `${l.line}:ok`))).toEqual([
      '1:ok',
      '2:long',
      '3:ok',
      '4:long',
    ]);
  });

  it.each([
    ['an unterminated string', '{"event_id":"e","prompt_text":"top secret plan'],
    ['a bare word', 'secret plan'],
    ['trailing text', '{"event_id":"e"} secret plan'],
  ])('describes %s without quoting it', async (_name, text) => {
    const [line] = await readAll(`${text}\n`, 1024 * 1024);
    const error = line !== undefined && 'error' in line ? line.error : '';
    expect(error).toMatch(/^invalid JSON/);
    expect(error).not.toMatch(/secret|plan|event_id|"/);
  });
});
