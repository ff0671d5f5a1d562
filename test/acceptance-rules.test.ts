// The acceptance runner's rules on their own: Python line splitting, strict integers, the spec rules, CAT's
// checkpoint selection, the two traps, and the integration_tests/ files kept in step with the stream table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  CONFIGURED_STREAM_OPTIONAL,
  STREAM_OPTIONAL,
  type ConfiguredCatalog,
} from '../acceptance/catalog.js';
import { parseOutput, type RunResult } from '../acceptance/connector.js';
import { futureState } from '../acceptance/future-state.js';
import type { Json, StreamStateMessage } from '../acceptance/messages.js';
import * as rules from '../acceptance/spec-rules.js';
import { splitlines } from '../acceptance/splitlines.js';
import { floatLiteralPaths, strictIntegerErrors } from '../acceptance/strict-integers.js';
import type { BasicReadInput } from '../acceptance/suites/basic-read.js';
import { selectCheckpoints, uniqueCheckpoints } from '../acceptance/suites/sequential-slices.js';
import { nullOptionalFieldsCheck, splitlinesCheck } from '../acceptance/suites/traps.js';
import { makeWorkspaceIds } from '../src/simulator/context.js';
import { keyFields } from '../src/stream-def.js';
import { STREAMS } from '../src/streams.js';
import { runConnector } from './helpers/protocol.js';

describe('splitlines, as Python splits', () => {
  it.each([
    ['a\nb\n', ['a', 'b']],
    ['a\r\nb', ['a', 'b']],
    ['a\n\nb', ['a', '', 'b']],
    ['', []],
    ['x\u2028y\u2029z\u0085w\x1cv\x0bu', ['x', 'y', 'z', 'w', 'v', 'u']],
  ])('splits %j into %j', (text, lines) => expect(splitlines(text)).toEqual(lines));
});

describe('strict integers', () => {
  it('finds number literals written with a fraction or exponent, by path', () => {
    const paths = floatLiteralPaths('{"a":1.0,"b":[2,3e2],"c":"1.5","d":{"e":-0.5,"f\\"g":7}}');
    expect(paths).toEqual([['a'], ['b', '1'], ['d', 'e']]);
  });

  it('flags 1.0 in an integer field and accepts it in a number field', () => {
    const schema = { properties: { n: { type: ['null', 'integer'] }, x: { type: 'number' } } };
    const line = '{"type":"RECORD","record":{"stream":"s","data":{"n":1.0,"x":2.0},"emitted_at":1}}';
    expect(strictIntegerErrors(line, schema)).toEqual([
      '/n is written as a float where the schema says integer',
    ]);
  });
});

describe('spec rules', () => {
  const bad: Json = {
    type: 'object',
    properties: {
      api_key: { type: 'string' },
      flag: { type: 'boolean', airbyte_secret: true },
      mode: { type: 'string', enum: ['a', 'a'] },
      pair: { type: ['string', 'integer'] },
      empty: { type: 'object', order: 1 },
      list: { type: 'array', items: [{ type: 'string' }] },
      other: { type: 'string', order: 1, not: { const: 'x' } },
      linked: { $ref: '#/definitions/x' },
      nested: { type: 'object', additionalProperties: false, properties: { not: { type: 'string' } } },
    },
  };

  it.each([
    [
      'secretsMarked',
      [
        '/properties/api_key: looks secret; mark it airbyte_secret',
        '/properties/flag: only string fields may carry airbyte_secret',
      ],
    ],
    ['enumsUnique', ['/properties/mode: enum has duplicate values']],
    ['propertyTypes', ['/properties/pair: type must be one type or [T, "null"], got ["string","integer"]']],
    ['objectsHaveProperties', ['/properties/empty: an object needs properties']],
    ['arrayItems', ['/properties/list: items must be one schema, not a list']],
    ['forbiddenKeywords', ['/properties/other: uses `not`']],
    ['noRefs', ['/properties/linked: unresolved $ref']],
    ['uniqueOrder', ['/: `empty` and `other` share order 1']],
    ['additionalPropertiesTrue', ['/properties/nested: additionalProperties must be true']],
  ] as const)('%s finds its problem', (rule, problems) => {
    expect(rules[rule](bad)).toEqual(problems);
  });

  it('accepts a oneOf with one const discriminator and rejects one without', () => {
    const variant = (c: string) => ({
      type: 'object',
      properties: { kind: { const: c }, v: { type: 'string' } },
    });
    const good = {
      type: 'object',
      properties: { auth: { type: 'object', oneOf: [variant('a'), variant('b')] } },
    };
    expect(rules.oneOfUsage(good)).toEqual([]);
    const noConst = { type: 'object', oneOf: [{ type: 'object', properties: { v: { type: 'string' } } }] };
    expect(rules.oneOfUsage(noConst)).toEqual(['/: oneOf variants need exactly one common `const` property']);
  });
});

describe("CAT's checkpoint selection", () => {
  const state = (cursor: number, count: number): StreamStateMessage => ({
    type: 'STREAM',
    stream: { stream_descriptor: { name: 's' }, stream_state: { cursor } },
    sourceStats: { recordCount: count },
  });

  it('merges runs of equal states, drops empty ones, and expects what followed each checkpoint', () => {
    const unique = uniqueCheckpoints([
      state(1, 2),
      state(1, 3),
      state(2, 0),
      state(3, 4),
      state(4, 1),
      state(5, 6),
    ]);
    expect(unique.map((c) => [c.state.stream?.stream_state, c.expected])).toEqual([
      [{ cursor: 1 }, 11],
      [{ cursor: 3 }, 7],
      [{ cursor: 4 }, 6],
      [{ cursor: 5 }, 0],
    ]);
  });

  it('samples about five interior checkpoints, never the first or last, or takes the last of fewer than 3', () => {
    const list = Array.from({ length: 12 }, (_, i) => ({ state: state(i, 1), expected: 11 - i }));
    expect(selectCheckpoints(list).map((c) => c.expected)).toEqual([9, 7, 5, 3, 1]);
    expect(selectCheckpoints(list.slice(0, 2))).toEqual([list[1]]);
  });
});

function basicRead(stdout: string, catalog: ConfiguredCatalog, code = 0): BasicReadInput {
  const run: RunResult = {
    args: ['read'],
    code,
    stdout,
    stderr: '',
    ...parseOutput(stdout),
    timedOut: false,
    startedAt: 0,
    endedAt: 1,
  };
  return { test: {}, catalog, run, records: [], expected: undefined, invalid: run };
}

const stream = { name: 's', json_schema: {}, supported_sync_modes: ['full_refresh'] };
const nullCatalog: ConfiguredCatalog = {
  streams: [
    {
      ...Object.fromEntries([...CONFIGURED_STREAM_OPTIONAL].map((k) => [k, null])),
      stream: { ...Object.fromEntries([...STREAM_OPTIONAL].map((k) => [k, null])), ...stream },
      sync_mode: 'full_refresh',
      destination_sync_mode: 'append',
    },
  ],
};

describe('the two traps', () => {
  it('fails null_optional_fields when the connector rejects a catalog with nulls', async () => {
    const trace = {
      type: 'TRACE',
      trace: {
        type: 'ERROR',
        emitted_at: 1,
        error: { message: 'cursor_field: expected array', failure_type: 'config_error' },
      },
    };
    const outcome = await nullOptionalFieldsCheck.run(
      basicRead(`${JSON.stringify(trace)}\n`, nullCatalog, 1),
    );
    expect(outcome).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('cursor_field: expected array'),
    });
  });

  it('fails python_splitlines when a raw U+2028 reaches stdout, and passes when it is escaped', async () => {
    const record = (title: string) =>
      `{"type":"RECORD","record":{"stream":"s","data":{"title":"${title}"},"emitted_at":1}}\n`;
    const raw = await splitlinesCheck.run(basicRead(record('a\u2028b'), nullCatalog));
    expect(raw.status).toBe('fail');
    const escaped = await splitlinesCheck.run(basicRead(record('a\\u2028b'), nullCatalog));
    expect(escaped.status).toBe('pass');
  });

  it('lists the optional catalog fields the protocol defines', () => {
    const protocol = parse(readFileSync('test/fixtures/airbyte_protocol.yaml', 'utf8')) as {
      definitions: Record<string, { required: string[]; properties: Json }>;
    };
    const optional = (d: string) => {
      const def = protocol.definitions[d];
      return Object.keys(def?.properties ?? {}).filter((k) => !def?.required.includes(k));
    };
    expect([...CONFIGURED_STREAM_OPTIONAL]).toEqual(optional('ConfiguredAirbyteStream'));
    expect([...STREAM_OPTIONAL]).toEqual(optional('AirbyteStream'));
  });
});

describe('integration_tests/', () => {
  const read = (name: string): unknown => JSON.parse(readFileSync(`integration_tests/${name}`, 'utf8'));

  it('configured_catalog.json lists every stream of the table, incremental where it can be', async () => {
    const run = await runConnector(['discover', '--config', 'integration_tests/sample_config.json']);
    const discovered = (run.messages[0]?.catalog as { streams: { name: string }[] }).streams.map(
      (s) => s.name,
    );
    const catalog = read('configured_catalog.json') as ConfiguredCatalog;
    expect(catalog.streams.map((s) => s.stream.name)).toEqual(discovered);
    expect(discovered).toEqual(STREAMS.map((s) => s.name));
    for (const s of catalog.streams) {
      const def = STREAMS.find((d) => d.name === s.stream.name);
      expect(s.sync_mode, s.stream.name).toBe(def?.cursorField ? 'incremental' : 'full_refresh');
      // The committed file pins each stream's key and cursor: a change to the table shows in its diff.
      expect(s.primary_key, s.stream.name).toEqual(def ? keyFields(def).map((f) => [f]) : undefined);
      expect(s.cursor_field ?? [], s.stream.name).toEqual(def?.cursorField ? [def.cursorField] : []);
    }
  });

  it('abnormal_state.json holds a far-future state for every incremental stream and default workspace', () => {
    const states = read('abnormal_state.json') as Json[];
    const names = states.map((s) => ((s.stream as Json).stream_descriptor as { name: string }).name);
    expect(names).toEqual(STREAMS.filter((s) => s.cursorField).map((s) => s.name));
    const text = JSON.stringify(states);
    for (const ws of makeWorkspaceIds(42, 2)) expect(text).toContain(ws);
    expect(text).not.toMatch(/20[0-8]\d-\d\d-\d\d/);
  });

  it('futureState moves days, ISO times and epoch numbers to 2099-12-31 and keeps partitions', () => {
    const state = {
      type: 'STREAM',
      stream: {
        stream_descriptor: { name: 's' },
        stream_state: {
          states: [
            {
              partition: { day: '2026-01-01' },
              cursor: { d: '2026-01-02', t: '2026-01-02T03:04:05.123456Z', s: 1767225600, ms: 1767225600000 },
            },
          ],
        },
      },
    };
    expect(JSON.stringify(futureState(state))).toBe(
      JSON.stringify({
        ...state,
        stream: {
          ...state.stream,
          stream_state: {
            states: [
              {
                partition: { day: '2026-01-01' },
                cursor: {
                  d: '2099-12-31',
                  t: '2099-12-31T00:00:00.123456Z',
                  s: 4102358400,
                  ms: 4102358400000,
                },
              },
            ],
          },
        },
      }),
    );
  });
});
