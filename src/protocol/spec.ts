// SPEC: the connectionSpecification is generated from the zod config schema, never written by hand.
import { z } from 'zod';
import { configSchema } from '../config/schema.js';

export const DOCUMENTATION_URL = 'https://docs.airbyte.com/integrations/sources/openai-codex';

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
      documentationUrl: DOCUMENTATION_URL,
      connectionSpecification: connectionSpecification(),
      supportsIncremental: true,
      supported_destination_sync_modes: ['overwrite', 'append', 'append_dedup'],
    },
  };
}
