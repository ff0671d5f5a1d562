// Usage endpoints whose results are a few counters over a few dimensions, one row of GENERIC_USAGE each: the
// result object's name, its group_by dimensions (as the spec lists them), value ranges of its counters and
// the models it sees. Atoms are drawn from the seed like the hand-made kinds, so every grouping agrees.
import type { Org } from './admin-org.js';
import { orgId } from './admin-query.js';
import type { Atom, BucketKind, DimValue } from './admin-usage-data.js';
import { who } from './admin-usage-data.js';
import { pick, randInt } from './random.js';

export interface GenericUsage {
  object: string;
  dims: readonly string[];
  /** Counter → [min, max] per atom. */
  metrics: Readonly<Record<string, readonly [number, number]>>;
  models?: readonly string[];
}

const PEOPLE = ['project_id', 'user_id', 'api_key_id', 'model'];

export const GENERIC_USAGE: Readonly<Record<string, GenericUsage>> = {
  moderations: {
    object: 'organization.usage.moderations.result',
    dims: PEOPLE,
    metrics: { input_tokens: [100, 400_000], num_model_requests: [1, 900] },
    models: ['omni-moderation-latest', 'text-moderation-007'],
  },
  images: {
    object: 'organization.usage.images.result',
    dims: [...PEOPLE, 'size', 'source'],
    metrics: { images: [1, 200], num_model_requests: [1, 200] },
    models: ['dall-e-3', 'gpt-image-1'],
  },
  audio_speeches: {
    object: 'organization.usage.audio_speeches.result',
    dims: PEOPLE,
    metrics: { characters: [100, 500_000], num_model_requests: [1, 300] },
    models: ['tts-1', 'gpt-4o-mini-tts'],
  },
  audio_transcriptions: {
    object: 'organization.usage.audio_transcriptions.result',
    dims: PEOPLE,
    metrics: { seconds: [10, 40_000], num_model_requests: [1, 300] },
    models: ['whisper-1', 'gpt-4o-transcribe'],
  },
  vector_stores: {
    object: 'organization.usage.vector_stores.result',
    dims: ['project_id'],
    metrics: { usage_bytes: [1_000_000, 5_000_000_000] },
  },
  file_search_calls: {
    object: 'organization.usage.file_searches.result',
    dims: ['project_id', 'user_id', 'api_key_id', 'vector_store_id'],
    metrics: { num_requests: [1, 2_000] },
  },
  web_search_calls: {
    object: 'organization.usage.web_searches.result',
    dims: [...PEOPLE, 'context_level'],
    metrics: { num_model_requests: [1, 500], num_requests: [1, 1_000] },
    models: ['gpt-4o-search-preview', 'gpt-4.1'],
  },
};

/** Values of the dimensions that are not people or models; anything else is null. */
const VALUES: Readonly<Record<string, readonly string[]>> = {
  size: ['1024x1024', '1792x1792', '512x512'],
  source: ['image.generation', 'image.edit', 'image.variation'],
  context_level: ['low', 'medium', 'high'],
};

function dimValue(seed: number, org: Org, u: GenericUsage, dim: string, day: number, i: number): DimValue {
  if (dim === 'model') return pick(seed, u.models ?? ['unknown'], u.object, 'model', day, i);
  if (dim === 'vector_store_id') return orgId('vs_', seed, 'vs', randInt(seed, 0, 3, u.object, 'vs', day, i));
  const values = VALUES[dim];
  return values ? pick(seed, values, u.object, dim, day, i) : null;
}

function atomsOf(u: GenericUsage): BucketKind['atoms'] {
  return (seed: number, day: number, org: Org): Atom[] => {
    // No quiet days here (the hand-made kinds have them): acceptance's sequential-slice check needs data on the
    // first days of its window, whatever day the run falls on.
    if (org.projects.length === 0) return [];
    return Array.from({ length: randInt(seed, 1, 4, u.object, 'count', day) }, (_, i) => {
      const people: Record<string, DimValue> = who(seed, org, u.object, day, i);
      const dims = Object.fromEntries(
        u.dims.map((d) => [d, d in people ? (people[d] ?? null) : dimValue(seed, org, u, d, day, i)]),
      );
      const metrics = Object.fromEntries(
        Object.entries(u.metrics).map(([m, [lo, hi]]) => [m, randInt(seed, lo, hi, u.object, m, day, i)]),
      );
      return { dims, metrics };
    });
  };
}

export function genericKinds(): Record<string, BucketKind> {
  return Object.fromEntries(
    Object.entries(GENERIC_USAGE).map(([endpoint, u]) => [
      endpoint,
      {
        dims: u.dims,
        atoms: atomsOf(u),
        shape: (metrics, dims) => ({ object: u.object, ...metrics, ...dims }),
      },
    ]),
  );
}
