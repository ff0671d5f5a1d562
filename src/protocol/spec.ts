// SPEC: the connectionSpecification is generated from the zod config schema, never written by hand.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../config/schema.js';
import { packageFile } from '../package-root.js';

export const DOCS_PAGE = 'docs/integrations/sources/openai-codex.md';

/**
 * The docs page in this repository, on the repository URL that package.json `repository` declares once (the
 * connector is not in Airbyte's catalog, so docs.airbyte.com has no page for it). metadata.yaml repeats the
 * result; test/urls.test.ts keeps the two equal.
 */
export function documentationUrl(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {
    repository?: { url?: string };
  };
  const repo = (pkg.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
  return `${repo}/blob/main/${DOCS_PAGE}`;
}

/** Airbyte wants `additionalProperties: true`, never a schema object, and no `$schema` inside the spec. */
function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties') out[key] = true;
    else out[key] = normalize(value);
  }
  return out;
}

export function connectionSpecification(): Record<string, unknown> {
  const generated = normalize(z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' })) as Record<
    string,
    unknown
  >;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'OpenAI Codex Source Spec',
    ...generated,
    additionalProperties: true,
  };
}

export function specMessage(): { type: 'SPEC'; spec: Record<string, unknown> } {
  return {
    type: 'SPEC',
    spec: {
      documentationUrl: documentationUrl(),
      connectionSpecification: connectionSpecification(),
      supportsIncremental: true,
      supported_destination_sync_modes: ['overwrite', 'append', 'append_dedup'],
    },
  };
}
