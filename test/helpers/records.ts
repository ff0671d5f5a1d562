// Validates records against their stream schemas the way Airbyte's acceptance tests do (strict integers).
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS; under NodeNext its callable sits on `.default`.
(addFormats as unknown as { default: (a: Ajv) => void }).default(ajv);
const cache = new Map<string, ValidateFunction>();

export function recordErrors(stream: string, record: unknown): string[] {
  let validate = cache.get(stream);
  if (validate === undefined) {
    validate = ajv.compile(
      JSON.parse(readFileSync(new URL(`../../schemas/${stream}.json`, import.meta.url), 'utf8')) as object,
    );
    cache.set(stream, validate);
  }
  return validate(record)
    ? []
    : (validate.errors ?? []).map((e) => `${stream}${e.instancePath} ${e.message ?? ''}`);
}
