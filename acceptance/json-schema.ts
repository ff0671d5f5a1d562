// JSON Schema helpers shared by the spec, discovery and read checks: draft-07 validation with formats
// (date-time must parse, as CAT's format checker insists) and walkers over schema keywords.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Json } from './messages.js';

export function makeAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  // ajv-formats is CommonJS; under NodeNext its callable sits on `.default`.
  (addFormats as unknown as { default: (a: Ajv) => void }).default(ajv);
  return ajv;
}

const ajv = makeAjv();

/** Problems that make a schema invalid draft-07 (meta-schema errors, or a failed compile). */
export function draft7Problems(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return ['the schema is not an object'];
  if (!ajv.validateSchema(schema))
    return (ajv.errors ?? []).map((e) => `schema${e.instancePath} ${e.message ?? 'is invalid'}`);
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    return [`schema does not compile: ${error instanceof Error ? error.message : String(error)}`];
  }
}

export function compile(schema: Json): ValidateFunction {
  return ajv.compile(schema);
}

export function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

export interface SchemaNode {
  /** JSON path segments from the root of the schema. */
  path: string[];
  node: Json;
  /** True when the node is a property definition (its key sits in a `properties` map). */
  isProperty: boolean;
}

/** Every object inside a schema, with its path. */
export function walk(schema: unknown, path: string[] = [], isProperty = false): SchemaNode[] {
  if (Array.isArray(schema)) return schema.flatMap((v, i) => walk(v, [...path, String(i)]));
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Json;
  const inProperties = path.at(-1) === 'properties' && !isProperty;
  return [
    { path, node, isProperty },
    ...Object.entries(node).flatMap(([k, v]) => walk(v, [...path, k], inProperties)),
  ];
}

/** Schema nodes that use `keyword` as a keyword (not as the name of a property). */
export function keywordUses(schema: unknown, keyword: string): SchemaNode[] {
  return walk(schema).filter(
    (n) => !(n.path.at(-1) === 'properties' && !n.isProperty) && Object.hasOwn(n.node, keyword),
  );
}

/** The definition at a field path (`['a','b']` → properties.a.properties.b), or undefined. */
export function fieldAt(schema: Json, fieldPath: readonly string[]): Json | undefined {
  let node: Json | undefined = schema;
  for (const key of fieldPath) {
    const properties = node?.properties as Record<string, Json> | undefined;
    node = properties?.[key];
  }
  return node;
}

export const typesOf = (node: Json | undefined): string[] => {
  const t = node?.type;
  return Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
};
