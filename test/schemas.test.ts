// The stream schemas against the contract's rules (what Airbyte's acceptance tests and warehouse destinations
// rely on), and one realistic record per stream against its schema, for every row of the stream table.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { keyFields } from '../src/stream-def.js';
import { STREAMS as TABLE } from '../src/streams.js';

interface StreamCase {
  name: string;
  primaryKey: string[];
  cursor: string | null;
}

// From the stream table: a new row brings its schema and fixture under every check below. The contract's names,
// keys and cursors are pinned by the committed integration_tests/configured_catalog.json (acceptance-rules test).
const STREAMS: StreamCase[] = TABLE.map((s) => ({
  name: s.name,
  primaryKey: keyFields(s),
  cursor: s.cursorField ?? null,
}));

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const FORBIDDEN = [
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'patternProperties',
  'if',
  'then',
  'else',
  'prefixItems',
];
const ALLOWED = new Set([
  ...['$schema', 'description', 'type', 'properties', 'required', 'additionalProperties', 'items'],
  ...['format', 'airbyte_type'],
]);
const SCALARS = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);
/** Values that can be fractional; every other numeric field is a counter or a Unix time: `integer`. */
// `quantity`: the Costs API's line-item quantity (hours, GiB-hours, …) is a number in the spec.
const FRACTIONAL = new Set([
  ...['credits', 'cost_usd', 'estimated_cost_usd', 'value'],
  ...['quantity', 'billing_credits', 'billing_usd'],
]);

type Json = Record<string, unknown>;
interface Node {
  path: string;
  schema: Json;
}

const schemaPath = (stream: string) => new URL(`../schemas/${stream}.json`, import.meta.url);
const loadJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Json;
const loadSchema = (stream: string) => loadJson(schemaPath(stream));
const loadFixture = (stream: string) =>
  loadJson(new URL(`./fixtures/records/${stream}.json`, import.meta.url));

/** Every schema node: the root, each property (at any depth) and each `items`. Paths use `[]` for items. */
function nodes(schema: Json, path = ''): Node[] {
  const out: Node[] = [{ path, schema }];
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    out.push(...nodes(child, path === '' ? key : `${path}.${key}`));
  }
  if (schema.items !== undefined) out.push(...nodes(schema.items as Json, `${path}[]`));
  return out;
}

function typesOf(schema: Json): string[] {
  return Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
}

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS; under NodeNext its plugin is typed (and also present at runtime) as `.default`.
  addFormats.default(ajv);
  return ajv;
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(stream: string): ValidateFunction {
  let validate = validators.get(stream);
  if (!validate) validators.set(stream, (validate = newAjv().compile(loadSchema(stream))));
  return validate;
}

/** Sets the value at a path from `nodes()`, taking element 0 for `[]`; false when the record has no value there. */
function setAt(record: Json, path: string, value: unknown): boolean {
  const parts = path.replaceAll('[]', '.0').split('.');
  let target: unknown = record;
  for (const part of parts.slice(0, -1)) target = (target as Json | null)?.[part];
  const last = parts.at(-1)!;
  if (typeof target !== 'object' || target === null || typeof (target as Json)[last] !== 'number')
    return false;
  (target as Json)[last] = value;
  return true;
}

function containsNull(value: unknown): boolean {
  if (value === null) return true;
  return typeof value === 'object' && Object.values(value).some(containsNull);
}

describe('schemas/', () => {
  it('holds exactly one schema per stream of the contract', () => {
    const files = readdirSync(new URL('../schemas/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(STREAMS.map((s) => `${s.name}.json`).sort());
  });
});

describe.each(STREAMS)('schema of $name', ({ name, primaryKey, cursor }) => {
  const schema = existsSync(schemaPath(name)) ? loadSchema(name) : {};
  const all = nodes(schema);

  it('is a described draft-07 object schema that ajv compiles', () => {
    expect(existsSync(schemaPath(name))).toBe(true);
    expect(schema.$schema).toBe(DRAFT_07);
    expect(schema.type).toBe('object');
    expect(typeof schema.description === 'string' && schema.description.length > 0).toBe(true);
    const ajv = newAjv();
    expect(ajv.validateSchema(schema), ajv.errorsText()).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('uses no keyword a destination or CAT rejects', () => {
    for (const { path, schema: node } of all) {
      for (const key of Object.keys(node)) {
        expect(FORBIDDEN, `${name}: ${path || '(root)'} uses ${key}`).not.toContain(key);
        expect(ALLOWED.has(key), `${name}: ${path || '(root)'} has unexpected keyword ${key}`).toBe(true);
      }
      if (path !== '') expect(node.$schema, `${path} repeats $schema`).toBeUndefined();
    }
  });

  it('types every node as one type or ["null", T]', () => {
    for (const { path, schema: node } of all) {
      const where = `${name}: ${path || '(root)'} has type ${JSON.stringify(node.type)}`;
      if (Array.isArray(node.type)) {
        expect(node.type, where).toHaveLength(2);
        expect(node.type[0], where).toBe('null');
        expect(SCALARS.has(node.type[1] as string), where).toBe(true);
      } else {
        expect(SCALARS.has(node.type as string), where).toBe(true);
      }
    }
  });

  it('lets unknown fields through and describes every object and array', () => {
    for (const { path, schema: node } of all) {
      const types = typesOf(node);
      if (node.additionalProperties !== undefined) expect(node.additionalProperties, path).toBe(true);
      if (types.includes('object'))
        expect(typeof node.properties, `${name}: ${path} needs properties`).toBe('object');
      if (types.includes('array')) {
        expect(
          node.items !== null && typeof node.items === 'object' && !Array.isArray(node.items),
          path,
        ).toBe(true);
      }
      for (const field of (node.required ?? []) as string[]) {
        expect(Object.keys((node.properties ?? {}) as Json), `${path}: required ${field}`).toContain(field);
      }
    }
  });

  it('declares its primary key and cursor at top level, required, never null, scalar', () => {
    const properties = schema.properties as Record<string, Json>;
    for (const field of cursor ? [...primaryKey, cursor] : primaryKey) {
      expect(properties[field], `${name}.${field} missing`).toBeDefined();
      expect(schema.required, `${name}.${field} not required`).toContain(field);
      expect(['string', 'integer'], `${name}.${field} nullable or not scalar`).toContain(
        properties[field]?.type,
      );
    }
  });

  it('types counters as integer, dates and timestamps with their formats', () => {
    for (const { path, schema: node } of all) {
      const types = typesOf(node);
      const field = path.split('.').at(-1) ?? '';
      if (types.includes('number')) expect(FRACTIONAL, `${name}: ${path} should be integer`).toContain(field);
      if (node.format !== undefined) expect(['date', 'date-time'], path).toContain(node.format);
      if (node.format !== undefined) expect(types, path).toContain('string');
      const isTimestamp = node.format === 'date-time';
      expect(node.airbyte_type === 'timestamp_with_timezone', `${name}: ${path} airbyte_type`).toBe(
        isTimestamp,
      );
    }
  });
});

describe.each(STREAMS)('fixture record of $name', ({ name, primaryKey, cursor }) => {
  const schema = existsSync(schemaPath(name)) ? loadSchema(name) : {};

  it('validates, with nulls and a field the schema does not know', () => {
    const record = loadFixture(name);
    const validate = validatorFor(name);
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    const known = Object.keys(schema.properties as Json);
    expect(
      Object.keys(record).some((key) => !known.includes(key)),
      'fixture lacks an unknown field',
    ).toBe(true);
    expect(containsNull(record), 'fixture has no null').toBe(true);
  });

  it('is rejected when its primary key or cursor is null', () => {
    for (const field of cursor ? [...primaryKey, cursor] : primaryKey) {
      expect(validatorFor(name)({ ...loadFixture(name), [field]: null }), field).toBe(false);
    }
  });

  const integers = nodes(schema).filter((n) => typesOf(n.schema).includes('integer'));
  // Registered only where it applies, so nothing is ever reported as skipped.
  if (integers.length > 0)
    it('is rejected with 1.5 in an integer field (integers are strict)', () => {
      const record = loadFixture(name);
      const target = integers.find((n) => setAt(record, n.path, 1.5));
      expect(target, 'fixture sets no integer field').toBeDefined();
      expect(validatorFor(name)(record)).toBe(false);
    });

  const formatted = nodes(schema).filter((n) => n.schema.format !== undefined && n.path !== '');
  if (formatted.some((n) => !n.path.includes('.')))
    it('is rejected when a date or date-time does not parse', () => {
      for (const { path, schema: node } of formatted.filter((n) => !n.path.includes('.'))) {
        const bad = node.format === 'date' ? '2026-02-30' : '2026-07-16 01:00';
        expect(validatorFor(name)({ ...loadFixture(name), [path]: bad }), path).toBe(false);
      }
    });
});
