// The vendored Admin part of OpenAI's OpenAPI document (test/fixtures/openai-openapi/admin.json), and what
// the contract tests need from it: the operation serving a path, `$ref` resolution, and ajv validators.
// OpenAPI 3.1 schemas are JSON Schema 2020-12 plus annotations (`x-stainless-const`, `discriminator`,
// `format: unixtime`) that carry no constraint here, so ajv runs non-strict and without formats.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  style?: string;
  explode?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  parameters?: Parameter[];
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface Spec {
  'x-vendored-from': { commit: string };
  paths: Record<string, { get?: Operation }>;
  components: { schemas: Record<string, JsonSchema> };
}

const FIXTURE = new URL('../fixtures/openai-openapi/admin.json', import.meta.url);

export function loadSpec(): Spec {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Spec;
}

/** A deep copy, for tests that mutate the spec to prove a checker notices. */
export function cloneSpec(spec: Spec): Spec {
  return structuredClone(spec);
}

/** The spec's path template matching a request path (`/v1/organization/projects/p1/users`), if any. */
export function templateFor(spec: Spec, requestPath: string): string | undefined {
  const path = requestPath.replace(/^\/v1/, '').replace(/\/$/, '');
  return Object.keys(spec.paths).find((template) => {
    const pattern = template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(path);
  });
}

/** Follows `$ref`s (`#/components/schemas/X`) until a schema with content. */
export function deref(spec: Spec, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s && typeof s.$ref === 'string' && i < 20; i++) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(s.$ref)?.[1] ?? '';
    s = spec.components.schemas[name];
  }
  return s;
}

/** The non-null alternatives of a schema (`anyOf: [X, {type: null}]` → [X]), each dereferenced. */
export function alternatives(spec: Spec, schema: JsonSchema | undefined): JsonSchema[] {
  const s = deref(spec, schema);
  if (!s) return [];
  const branches = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (!branches) return [s];
  return branches.flatMap((b) => alternatives(spec, b)).filter((b) => b.type !== 'null');
}

/** The 200 response schema of an operation. */
export function responseSchema(op: Operation): JsonSchema | undefined {
  return op.responses?.['200']?.content?.['application/json']?.schema;
}

const validators = new WeakMap<Spec, { ajv: Ajv2020; cache: Map<string, ValidateFunction> }>();

/** A validator for `schema` as found in the spec (its `$ref`s resolve inside the spec). */
export function validatorFor(spec: Spec, key: string, schema: JsonSchema): ValidateFunction {
  let entry = validators.get(spec);
  if (!entry) {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'openapi.json', components: spec.components });
    entry = { ajv, cache: new Map() };
    validators.set(spec, entry);
  }
  let validate = entry.cache.get(key);
  if (!validate) {
    const rebased = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'),
    );
    validate = entry.ajv.compile(rebased as object);
    entry.cache.set(key, validate);
  }
  return validate;
}

export function errorsOf(validate: ValidateFunction, value: unknown, what: string): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${what}${e.instancePath} ${e.message ?? ''}`);
}
