// Stream JSON schemas, read from schemas/<stream>.json beside the package (src/ and dist/ alike).
import { readFileSync } from 'node:fs';
import { packageFile } from './package-root.js';

const cache = new Map<string, Record<string, unknown>>();

export function loadSchema(stream: string): Record<string, unknown> {
  let schema = cache.get(stream);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(packageFile(`schemas/${stream}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    cache.set(stream, schema);
  }
  return schema;
}
