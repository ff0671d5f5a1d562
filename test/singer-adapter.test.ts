// The Singer adapter without HTTP: catalog selection rules, the state file, the sync loop over a fake engine,
// the command line, and one-line redacted logs.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { asSourceError, SourceError } from '../src/engine/errors.js';
import type { SyncEvent } from '../src/engine/types.js';
import { Output, Redactor } from '../src/output/output.js';
import { parseTapArgs } from '../src/singer/args.js';
import { singerCatalog } from '../src/singer/catalog.js';
import { StderrLog } from '../src/singer/log.js';
import { SINGER_LINES } from '../src/singer/messages.js';
import { runSingerRead } from '../src/singer/read.js';
import { parseSingerCatalog, type SelectedStream } from '../src/singer/selection.js';
import { parseSingerState } from '../src/singer/state.js';
import type { StreamDef } from '../src/stream-def.js';
import { findStream, STREAMS } from '../src/streams.js';

const def = (name: string): StreamDef => findStream(name) ?? STREAMS[0]!;
const fullOnly = STREAMS.find((s) => s.cursorField === undefined);
const entry = (name: string, top: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  tap_stream_id: name,
  metadata: [{ breadcrumb: [], metadata: top }],
  ...extra,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return asSourceError(error).code;
  }
  return 'none';
};

describe('parseSingerCatalog', () => {
  it('selects by breadcrumb [] `selected`, which wins over the legacy flags and the default', () => {
    const catalog = {
      streams: [
        entry('usage', { selected: true }, { selected: false }),
        entry('code_reviews', { selected: false, 'selected-by-default': true }, { selected: true }),
        entry('workspace_usage', { 'selected-by-default': true }),
        { stream: 'usage_by_client', schema: { selected: true } },
      ],
    };
    const names = parseSingerCatalog(catalog, STREAMS).map((s) => s.def.name);
    expect(names).toEqual(['usage', 'workspace_usage', 'usage_by_client']);
  });

  it('reads the method from `replication-method`, else `replication_method`, else the default', () => {
    const catalog = {
      streams: [
        entry(
          'usage',
          { selected: true, 'replication-method': 'FULL_TABLE' },
          { replication_method: 'INCREMENTAL' },
        ),
        entry('code_reviews', { selected: true }, { replication_method: 'FULL_TABLE' }),
        entry('workspace_usage', { selected: true }),
      ],
    };
    expect(parseSingerCatalog(catalog, STREAMS).map((s) => s.incremental)).toEqual([false, false, true]);
  });

  it.each([
    ['an unknown selected stream', entry('nope', { selected: true })],
    ['LOG_BASED', entry('usage', { selected: true, 'replication-method': 'LOG_BASED' })],
    ['another replication key', entry('usage', { selected: true, 'replication-key': 'start_time' })],
    [
      'INCREMENTAL on a full-table stream',
      entry(fullOnly?.name ?? '', { selected: true, 'replication-method': 'INCREMENTAL' }),
    ],
  ])('given %s, fails with CATALOG_INVALID', (_name, bad) => {
    expect(codeOf(() => parseSingerCatalog({ streams: [bad] }, STREAMS))).toBe('CATALOG_INVALID');
  });

  it('ignores an unknown stream that is not selected, and rejects a catalog without streams', () => {
    expect(parseSingerCatalog({ streams: [entry('nope', { selected: false })] }, STREAMS)).toEqual([]);
    expect(codeOf(() => parseSingerCatalog({ stream: [] }, STREAMS))).toBe('CATALOG_INVALID');
  });

  it('round-trips discover: its output, fed back, selects the suggested streams with their default methods', () => {
    const selected = parseSingerCatalog(singerCatalog(STREAMS), STREAMS);
    expect(selected.map((s) => s.def.name)).toEqual(STREAMS.filter((s) => s.suggested).map((s) => s.name));
    expect(selected.every((s) => s.incremental === (s.def.cursorField !== undefined))).toBe(true);
  });
});

describe('parseSingerState', () => {
  const bookmarks = { usage: { states: [] } };
  it.each([
    ['bookmarks', { bookmarks }],
    ['a whole STATE message', { type: 'STATE', value: { bookmarks } }],
    ["Meltano's export", { singer_state: { bookmarks } }],
  ])('accepts %s', (_name, raw) => {
    expect(parseSingerState(raw).bookmarks).toEqual(bookmarks);
  });

  it('accepts {} as no bookmarks, and rejects an Airbyte state array or a non-object', () => {
    expect(parseSingerState({}).bookmarks).toEqual({});
    expect(codeOf(() => parseSingerState([{ type: 'STREAM' }]))).toBe('STATE_INVALID');
    expect(codeOf(() => parseSingerState({ bookmarks: 3 }))).toBe('STATE_INVALID');
  });
});

function fakeRun(events: Record<string, SyncEvent[] | Error>, bookmarks: Record<string, unknown> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const redactor = new Redactor();
  redactor.add('sk-secret-1234');
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const streams: SelectedStream[] = Object.keys(events).map((n) => ({
    def: def(n),
    incremental: true,
    excluded: new Set(),
  }));
  const open = async function* (d: StreamDef) {
    const planned = events[d.name];
    if (planned instanceof Error) throw planned;
    yield* planned ?? [];
  };
  const deps = {
    out: new Output(stdout, redactor, SINGER_LINES),
    log: new StderrLog(stderr, redactor),
    now: () => 0,
    open,
  };
  return runSingerRead(streams, bookmarks, deps).then((failed) => ({ failed, out, err }));
}

describe('runSingerRead', () => {
  it('sends SCHEMA first, and STATE with every bookmark so far; a failure is one redacted line, the rest runs', async () => {
    const error = new SourceError('bad\nkey sk-secret-1234', {
      code: 'HTTP_401',
      failureType: 'config_error',
    });
    const r = await fakeRun(
      {
        usage: [
          { type: 'records', records: [{ row: { id: 'a\u2028b' } }] },
          { type: 'state', state: { states: [] } },
        ],
        code_reviews: error,
        workspace_usage: [
          { type: 'log', level: 'WARN', message: 'careful' },
          { type: 'state', state: {} },
        ],
      },
      { old: { x: 1 } },
    );
    expect(r.failed).toEqual(['code_reviews']);
    const lines = r.out.trim().split('\n');
    expect(lines[1]).toContain('"a\\u2028b"');
    const messages = lines.map((l) => JSON.parse(l) as { type: string; value?: { bookmarks: object } });
    expect(messages.map((m) => m.type)).toEqual(['SCHEMA', 'RECORD', 'STATE', 'SCHEMA', 'SCHEMA', 'STATE']);
    expect(Object.keys(messages[5]?.value?.bookmarks ?? {})).toEqual(['old', 'usage', 'workspace_usage']);
    expect(r.err).toContain('ERROR code_reviews: bad key ********** [HTTP_401]\n');
    expect(r.err).toContain('WARN careful\n');
  });

  it('given a bookmark of an unknown shape, warns and syncs from the start', async () => {
    const r = await fakeRun({ usage: [{ type: 'state', state: {} }] }, { usage: { cursor: 'yesterday' } });
    expect(r.err).toMatch(/WARN usage: the saved bookmark has a shape this tap does not recognise/);
  });
});

describe('parseTapArgs', () => {
  it('reads Singer flags, --properties as the catalog, and rejects the rest as USAGE', () => {
    expect(parseTapArgs(['--config', 'c', '--discover'])).toEqual({ mode: 'discover', config: 'c' });
    expect(parseTapArgs(['--config', 'c', '--properties', 'p', '--state', 's'])).toEqual({
      mode: 'sync',
      config: 'c',
      catalog: 'p',
      state: 's',
    });
    expect(codeOf(() => parseTapArgs(['--catalog', 'p']))).toBe('USAGE');
    expect(codeOf(() => parseTapArgs(['--config', 'c', '--cataloge', 'p']))).toBe('USAGE');
    expect(codeOf(() => parseTapArgs(['--config', 'c', 'extra']))).toBe('USAGE');
  });
});
