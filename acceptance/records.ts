// Record-level rules of CAT's basic_read: schema conformance (strict integers, parseable date-times), the
// record sharing fields with its schema, primary keys present and scalar, expected records found by key.
import type { ValidateFunction } from 'ajv';
import type { ConfiguredCatalog } from './catalog.js';
import type { RunResult } from './connector.js';
import { compile, errorsOf } from './json-schema.js';
import { canonical, deepEqual, type Json, type RecordMessage } from './messages.js';
import { strictIntegerErrors } from './strict-integers.js';

/** Schema problems, at most one per stream and rule (as CAT groups them by schema path). */
export function schemaProblems(catalog: ConfiguredCatalog, run: RunResult): string[] {
  const validators = new Map<string, { schema: Json; validate: ValidateFunction }>();
  for (const s of catalog.streams)
    validators.set(s.stream.name, { schema: s.stream.json_schema, validate: compile(s.stream.json_schema) });
  const problems = new Map<string, string>();
  const note = (stream: string, problem: string) => {
    const key = `${stream}:${problem.replace(/\/\d+(?=\/|\s|$)/g, '/*')}`;
    if (!problems.has(key)) problems.set(key, `${stream}: ${problem}`);
  };
  run.messages.forEach((m, index) => {
    if (m.type !== 'RECORD' || m.record === undefined) return;
    const v = validators.get(m.record.stream);
    if (v === undefined) return note(m.record.stream, 'a record of a stream that is not in the catalog');
    if (!v.validate(m.record.data)) errorsOf(v.validate).forEach((e) => note(m.record?.stream ?? '', e));
    strictIntegerErrors(run.messageLines[index] ?? '', v.schema).forEach((e) =>
      note(m.record?.stream ?? '', e),
    );
    const declared = Object.keys((v.schema.properties ?? {}) as Json);
    if (!Object.keys(m.record.data ?? {}).some((k) => declared.includes(k)))
      note(m.record.stream, 'a record shares no field with its schema');
  });
  return [...problems.values()];
}

export const pkValue = (data: Json, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json)[k] : undefined),
    data,
  );

export function primaryKeyProblems(catalog: ConfiguredCatalog, records: readonly RecordMessage[]): string[] {
  const keys = new Map(
    catalog.streams.map((s) => [s.stream.name, s.stream.source_defined_primary_key ?? []]),
  );
  const problems = new Set<string>();
  for (const r of records) {
    for (const path of keys.get(r.stream) ?? []) {
      const v = pkValue(r.data, path);
      if (v === null || v === undefined)
        problems.add(`${r.stream}: primary key \`${path.join('.')}\` is null or missing`);
      else if (typeof v === 'object')
        problems.add(`${r.stream}: primary key \`${path.join('.')}\` is an object or array`);
    }
  }
  return [...problems];
}

const keyOf = (data: Json, pk: readonly string[][]) => canonical(pk.map((p) => pkValue(data, p) ?? null));

export interface ExpectedRecord {
  stream: string;
  data: Json;
}

/** CAT's compare_records: by primary key where the stream has one (in order when exact_order), else by value. */
export function expectedProblems(
  catalog: ConfiguredCatalog,
  actual: readonly RecordMessage[],
  expected: readonly ExpectedRecord[],
  exactOrder: boolean,
): string[] {
  const streams = [...new Set(expected.map((e) => e.stream))];
  return streams.flatMap((name) => {
    const configured = catalog.streams.filter((s) => s.stream.name === name);
    if (configured.length !== 1)
      return [`${name}: expected records name a stream that is not in the catalog`];
    const pk = configured[0]?.stream.source_defined_primary_key ?? [];
    const want = expected.filter((e) => e.stream === name).map((e) => e.data);
    const got = actual.filter((r) => r.stream === name).map((r) => r.data);
    const key = pk.length > 0 ? (d: Json) => keyOf(d, pk) : canonical;
    const wantKeys = want.map(key);
    const gotKeys = got.map(key);
    if (exactOrder && pk.length > 0)
      return deepEqual(gotKeys.slice(0, wantKeys.length), wantKeys)
        ? []
        : [`${name}: expected keys not first, in order`];
    const have = new Set(gotKeys);
    const missing = wantKeys.filter((k) => !have.has(k));
    return missing.length === 0
      ? []
      : [`${name}: ${missing.length} of ${want.length} expected records missing, e.g. ${missing[0]}`];
  });
}

/** Stricter than CAT: the expected records found by key also carry exactly the expected values. */
export function contentProblems(
  catalog: ConfiguredCatalog,
  actual: readonly RecordMessage[],
  expected: readonly ExpectedRecord[],
): string[] {
  return expected.flatMap((e) => {
    const pk =
      catalog.streams.find((s) => s.stream.name === e.stream)?.stream.source_defined_primary_key ?? [];
    if (pk.length === 0) return [];
    const match = actual.find((r) => r.stream === e.stream && keyOf(r.data, pk) === keyOf(e.data, pk));
    if (match === undefined || deepEqual(match.data, e.data)) return [];
    const field = Object.keys({ ...e.data, ...match.data }).find((k) => !deepEqual(e.data[k], match.data[k]));
    return [`${e.stream} ${keyOf(e.data, pk)}: \`${field ?? '?'}\` differs`];
  });
}
