// The bad-input matrix: each bad config, catalog or state file gets a clear message and the protocol's
// expected outcome (FAILED for check; one TRACE ERROR and a non-zero exit elsewhere), no stack trace, and
// no secret in any output.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ofType, runConnector, type RunResult } from '../helpers/protocol.js';

const SECRET = 'sk-admin-BADINPUT-0123456789abcdefSECRET';
const WS = '0b9c2f1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const dir = mkdtempSync(join(tmpdir(), 'codex-bad-'));
let n = 0;
const file = (content: unknown) => {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const goodConfig = {
  workspace_ids: [WS],
  admin_api_key: SECRET,
  admin_api_base_url: 'http://127.0.0.1:9/v1',
};
const goodCatalog = { streams: [] };

function expectClean(run: RunResult): void {
  const all = run.stdout + run.stderr;
  expect(all).not.toContain(SECRET);
  for (let i = 0; i + 8 <= SECRET.length; i++) expect(all).not.toContain(SECRET.slice(i, i + 8));
  expect(all).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

function expectTraceError(run: RunResult, pattern: RegExp): void {
  expect(run.code).not.toBe(0);
  const traces = ofType(run.messages, 'TRACE').map(
    (m) => m.trace as { type: string; error?: { message: string; failure_type: string } },
  );
  const errors = traces.filter((t) => t.type === 'ERROR');
  expect(errors).toHaveLength(1);
  expect(errors[0]?.error?.failure_type).toBe('config_error');
  expect(errors[0]?.error?.message).toMatch(pattern);
  expectClean(run);
}

const CONFIGS: [string, string | object, RegExp][] = [
  ['config that is not JSON', `{"admin_api_key": "${SECRET}",`, /config file .* is not valid JSON/],
  ['wrong types', { ...goodConfig, lookback_days: 'seven', page_size: 1.5 }, /`lookback_days`.*`page_size`/],
  [
    'a bad UUID',
    { ...goodConfig, analytics_api_key: SECRET, workspace_ids: ['not-a-uuid'] },
    /`workspace_ids\[0\]` must be a workspace UUID/,
  ],
  ['a bad date', { ...goodConfig, start_date: '31/01/2026' }, /`start_date` must look like 2026-01-31/],
  [
    'an http base URL to a non-loopback host',
    { ...goodConfig, admin_api_base_url: 'http://api.example.com/v1' },
    /`admin_api_base_url` must use https/,
  ],
  ['no key at all', { workspace_ids: [WS] }, /no API key given/],
  ['an array instead of an object', [goodConfig], /must be a JSON object/],
];

describe('bad config', () => {
  it.each(CONFIGS)(
    'given %s, check answers FAILED with the reason, exit 0',
    async (_name, content, pattern) => {
      const run = await runConnector(['check', '--config', file(content)]);
      expect(run.code).toBe(0);
      expect(run.messages).toHaveLength(1);
      expect(run.messages[0]).toMatchObject({
        type: 'CONNECTION_STATUS',
        connectionStatus: { status: 'FAILED' },
      });
      expect(JSON.stringify(run.messages[0])).toMatch(pattern);
      expectClean(run);
    },
  );

  it.each(CONFIGS)(
    'given %s, discover and read answer one TRACE ERROR and exit non-zero',
    async (_name, content, pattern) => {
      expectTraceError(await runConnector(['discover', '--config', file(content)]), pattern);
      expectTraceError(
        await runConnector(['read', '--config', file(content), '--catalog', file(goodCatalog)]),
        pattern,
      );
    },
  );

  it('given a config file that does not exist, says so and names the path', async () => {
    expectTraceError(
      await runConnector(['discover', '--config', join(dir, 'missing.json')]),
      /Cannot read the config file .*missing\.json \(ENOENT\)/,
    );
  });

  it('accepts unknown config keys', async () => {
    const run = await runConnector([
      'discover',
      '--config',
      file({ ...goodConfig, some_future_option: { a: 1 } }),
    ]);
    expect(run.code).toBe(0);
    expect(run.messages[0]?.type).toBe('CATALOG');
  });
});

describe('bad catalog', () => {
  const stream = (name: string, sync_mode: string) => ({
    stream: { name },
    sync_mode,
    destination_sync_mode: 'append',
  });
  it.each<[string, string | object, RegExp]>([
    ['a catalog that is not JSON', '{"streams": [', /catalog file .* is not valid JSON/],
    [
      'an unknown stream',
      { streams: [stream('no_such_stream', 'full_refresh')] },
      /`no_such_stream` is unknown/,
    ],
    ['an invalid sync mode', { streams: [stream('organization_users', 'INVALID')] }, /sync_mode `INVALID`/],
    ['missing fields', { streams: [{ sync_mode: 'full_refresh' }] }, /`streams\[0\]\.stream`/],
    ['no streams list', { stream: [] }, /Invalid catalog: `streams`/],
  ])('given %s, read answers one TRACE ERROR before any request', async (_name, content, pattern) => {
    expectTraceError(
      await runConnector(['read', '--config', file(goodConfig), '--catalog', file(content)]),
      pattern,
    );
  });
});

describe('bad state', () => {
  it.each<[string, string | object, RegExp]>([
    ['a state that is not JSON', '[{"type": "STREAM"', /state file .* is not valid JSON/],
    ['an object instead of an array', { organization_users: {} }, /must be a JSON array of STATE messages/],
  ])('given %s, read answers one TRACE ERROR', async (_name, content, pattern) => {
    expectTraceError(
      await runConnector([
        'read',
        '--config',
        file(goodConfig),
        '--catalog',
        file(goodCatalog),
        '--state',
        file(content),
      ]),
      pattern,
    );
  });

  it('given a missing state file, starts from start_date with a WARN', async () => {
    const run = await runConnector([
      'read',
      '--config',
      file(goodConfig),
      '--catalog',
      file(goodCatalog),
      '--state',
      join(dir, 'nope.json'),
    ]);
    expect(run.code).toBe(0);
    expect(JSON.stringify(ofType(run.messages, 'LOG'))).toMatch(
      /does not exist; starting every stream from start_date/,
    );
  });
});

describe('bad command line', () => {
  it('given an unknown command, answers one TRACE ERROR and exits non-zero', async () => {
    expectTraceError(await runConnector(['frobnicate']), /Unknown command: frobnicate/);
  });

  it('given read without --catalog, names the missing option', async () => {
    expectTraceError(
      await runConnector(['read', '--config', file(goodConfig)]),
      /Missing required argument: catalog/,
    );
  });
});
