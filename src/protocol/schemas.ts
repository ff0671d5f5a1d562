// Stream JSON schemas, read from schemas/<stream>.json beside the package (src/ and dist/ alike).
import { readFileSync } from 'node:fs';

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);
const cache = new Map<string, Record<string, unknown>>();

export function loadSchema(stream: string): Record<string, unknown> {
  let schema = cache.get(stream);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(new URL(`${stream}.json`, SCHEMA_DIR), 'utf8')) as Record<
      string,
      unknown
    >;
    cache.set(stream, schema);
  }
  return schema;
}
