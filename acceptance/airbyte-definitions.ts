// Airbyte's own definitions, vendored in vendor/airbyte/ (see its README for source, commit and licence):
// the metadata.yaml schema, and the fields of CAT's basic_read model. The runner checks metadata.yaml against
// the first; test/airbyte-definitions.test.ts compares our model of the CAT YAML with the second.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { makeAjv } from './json-schema.js';
import type { Json } from './messages.js';

/** vendor/airbyte of this project, found from this module whether it runs as TypeScript or compiled. */
export function vendorDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'vendor', 'airbyte');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    if (dirname(dir) === dir) throw new Error('vendor/airbyte not found above the acceptance runner');
  }
}

export function metadataSchema(): Json {
  return JSON.parse(
    readFileSync(join(vendorDir(), 'ConnectorMetadataDefinitionV0.excerpt.json'), 'utf8'),
  ) as Json;
}

/** metadata.yaml under `root` against Airbyte's schema, plus: the icon it names exists beside it. */
export function metadataProblems(root: string): string[] {
  const file = join(root, 'metadata.yaml');
  if (!existsSync(file)) return ['no metadata.yaml'];
  const doc = parse(readFileSync(file, 'utf8')) as { data?: { icon?: unknown } } | null;
  const validate = makeAjv().compile(metadataSchema());
  const problems = validate(doc)
    ? []
    : (validate.errors ?? []).map(
        (e) =>
          `metadata.yaml${e.instancePath || ''} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
      );
  const icon = doc?.data?.icon;
  if (typeof icon === 'string' && !existsSync(join(root, icon)))
    problems.push(`metadata.yaml data.icon names ${icon}, which does not exist`);
  return problems;
}

/** The field names of a pydantic model class in a vendored CAT excerpt (`name: type = …` lines). */
export function pydanticFields(excerpt: string, className: string): string[] {
  const start = excerpt.indexOf(`\nclass ${className}(`);
  if (start < 0) throw new Error(`class ${className} not in the excerpt`);
  const body = excerpt
    .slice(start + 1)
    .split('\n')
    .slice(1);
  const end = body.findIndex((line) => /^\S/.test(line));
  return (end < 0 ? body : body.slice(0, end))
    .map((line) => /^ {4}(\w+): /.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

export const catExcerpt = (name: 'cat_config' | 'cat_conftest'): string =>
  readFileSync(join(vendorDir(), `${name}.excerpt.py`), 'utf8');
