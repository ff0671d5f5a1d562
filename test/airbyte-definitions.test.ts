// Airbyte's own machine-readable definitions, vendored in vendor/airbyte/ (source, commit and licence in its
// README), read by these tests: metadata.yaml against Airbyte's metadata schema, the acceptance runner's
// model of basic_read against CAT's pydantic model, CAT's `high` seeding rule against the runner's check and
// the generated expected records, and the spec's form hints.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  catExcerpt,
  metadataProblems,
  metadataSchema,
  pydanticFields,
} from '../acceptance/airbyte-definitions.js';
import { CAT_CONFIG, type Field, type Model } from '../acceptance/cat-config-schema.js';
import { makeAjv } from '../acceptance/json-schema.js';
import { seedingOutcome } from '../acceptance/suites/seeding.js';
import { specMessage } from '../src/protocol/spec.js';
import { STREAMS } from '../src/streams.js';

type Doc = { data: Record<string, unknown> } & Record<string, unknown>;
const METADATA = parse(readFileSync('metadata.yaml', 'utf8')) as Doc;
const validate = makeAjv().compile(metadataSchema());
const errorsFor = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []));
const withData = (extra: Record<string, unknown>) => ({ ...METADATA, data: { ...METADATA.data, ...extra } });

const object = (f: Field | undefined): Model => (f && typeof f === 'object' && 'object' in f ? f.object : {});
const basicReadModel = (): Model => {
  const tests = object(object(CAT_CONFIG.acceptance_tests).basic_read).tests;
  return tests && typeof tests === 'object' && 'list' in tests ? object(tests.list) : {};
};

describe("metadata.yaml against Airbyte's metadata schema (vendored)", () => {
  it('is valid, and the icon it names exists', () => {
    expect(metadataProblems('.')).toEqual([]);
    expect(METADATA.data.icon).toBe('icon.svg');
  });

  it('rejects what it used to hold: remoteRegistries.pypi without packageName, an empty breakingChanges', () => {
    expect(errorsFor(withData({ remoteRegistries: { pypi: { enabled: false } } }))).toContainEqual(
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'packageName' } }),
    );
    expect(errorsFor(withData({ releases: { breakingChanges: {} } }))).toContainEqual(
      expect.objectContaining({ keyword: 'minProperties' }),
    );
  });

  it('rejects an unknown data key and a documentationUrl that is not a URI', () => {
    expect(errorsFor(withData({ documentationURL: 'x' }))[0]?.keyword).toBe('additionalProperties');
    expect(errorsFor(withData({ documentationUrl: 'not a uri' }))[0]?.keyword).toBe('format');
  });

  it('lists the API hosts and a wildcard for the undocumented log-download host', () => {
    expect((METADATA.data.allowedHosts as { hosts: string[] }).hosts).toEqual([
      'api.chatgpt.com',
      'api.openai.com',
      '*',
    ]);
  });
});

describe("CAT's basic_read model (vendored config.py)", () => {
  it("the runner's YAML model has exactly the fields of BasicReadTestConfig", () => {
    const cat = pydanticFields(catExcerpt('cat_config'), 'BasicReadTestConfig');
    expect(cat.length).toBeGreaterThan(10);
    expect(Object.keys(basicReadModel()).sort()).toEqual([...cat].sort());
  });
});

describe("CAT's `high` seeding rule (vendored conftest.py)", () => {
  const conftest = catExcerpt('cat_conftest');
  const catalog = { streams: ['a', 'b', 'c'].map((name) => ({ stream: { name } })) } as never;

  it('is the rule the runner applies: streams in the catalog, minus empty_streams, minus seeded, must be none', () => {
    expect(conftest).toContain(
      'expected_seeded_stream_names = stream_names_in_catalog - empty_streams_names',
    );
    expect(conftest).toContain('return expected_seeded_stream_names - expected_record_stream_names');
    const test = { expect_records: { path: 'x.jsonl' }, empty_streams: [{ name: 'c', bypass_reason: 'r' }] };
    const seeded = [{ stream: 'a', data: {} }];
    const outcome = seedingOutcome('high', test, catalog, seeded);
    // CAT's message, with its two placeholders filled in as CAT fills them.
    const template = /f"(\{', '\.join\(not_seeded_streams\)\}[^"]*)"/.exec(conftest)?.[1] ?? '';
    const message = template
      .replace("{', '.join(not_seeded_streams)}", 'b')
      .replace('{expect_records_config.path}', 'x.jsonl');
    expect(template).toMatch(/do not have expected records/);
    expect(outcome).toMatchObject({ status: 'fail' });
    expect(outcome.detail).toContain(`High strictness level error: ${message}`);
    expect(seedingOutcome('high', test, catalog, [...seeded, { stream: 'b', data: {} }]).status).toBe('pass');
    expect(seedingOutcome('low', test, catalog, seeded).status).toBe('skip');
  });

  it('holds for this repository: every stream of the table has expected records or is declared empty', () => {
    const yaml = parse(readFileSync('acceptance-test-config.yml', 'utf8')) as {
      acceptance_tests: { basic_read: { tests: { empty_streams?: { name: string }[] }[] } };
    };
    const empty = (yaml.acceptance_tests.basic_read.tests[0]?.empty_streams ?? []).map((s) => s.name);
    const seeded = new Set(
      readFileSync('integration_tests/expected_records.jsonl', 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { stream: string }).stream),
    );
    const unseeded = STREAMS.map((s) => s.name).filter((n) => !seeded.has(n) && !empty.includes(n));
    // A new stream fails here until `npm run acceptance:generate` seeds it.
    expect(unseeded).toEqual([]);
  });
});

describe('the spec, as Airbyte renders its form', () => {
  const spec = specMessage().spec.connectionSpecification as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };

  it('always shows the keys, workspace_ids and start_date, none of which is required on its own', () => {
    const shown = Object.entries(spec.properties)
      .filter(([, p]) => p.always_show === true)
      .map(([k]) => k);
    expect(shown.sort()).toEqual(
      ['admin_api_key', 'analytics_api_key', 'compliance_api_key', 'start_date', 'workspace_ids'].sort(),
    );
    expect(spec.required ?? []).toEqual([]);
  });

  it('gives a pattern_descriptor wherever a pattern is shown, at any depth', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (typeof n.pattern === 'string' && typeof n.pattern_descriptor !== 'string') missing.push(path);
      for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
    };
    walk(spec, '');
    expect(missing).toEqual([]);
    expect(JSON.stringify(spec)).toContain('"pattern_descriptor"');
  });

  it('has an icon of our own, an SVG', () => {
    expect(existsSync('icon.svg')).toBe(true);
    expect(readFileSync('icon.svg', 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
