// What the organization consumed each UTC day, as "atoms": one row per full combination of dimensions. The
// API's group_by sums atoms over the dimensions left out, so every grouping agrees with every other. Atoms are
// keyed by the absolute day, so a day's usage does not change as the clock moves.
import type { Org } from './admin-org.js';
import { genericKinds } from './admin-usage-generic.js';
import { pick, rand, randInt } from './random.js';

export type DimValue = string | boolean | null;

export interface Atom {
  dims: Record<string, DimValue>;
  metrics: Record<string, number>;
}

/** A bucketed endpoint's data: its dimensions (group_by values), its atoms and the shape of one result. */
export interface BucketKind {
  dims: readonly string[];
  atoms(seed: number, day: number, org: Org): Atom[];
  shape(metrics: Record<string, number>, dims: Record<string, DimValue>): Record<string, unknown>;
}

const CHAT_MODELS = ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'o3-2025-04-16', 'gpt-4.1-2025-04-14'];
const EMBEDDING_MODELS = ['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002'];

/** One project/user/key combination; the key belongs to the project, as on the real platform. */
export function who(
  seed: number,
  org: Org,
  tag: string,
  day: number,
  i: number,
): { project_id: string; user_id: string | null; api_key_id: string | null } {
  const project = pick(seed, org.projects, tag, 'project', day, i);
  const keys = org.apiKeys.get(project.id) ?? [];
  const user = org.users.length > 0 ? pick(seed, org.users, tag, 'user', day, i) : undefined;
  const key = keys.length > 0 ? pick(seed, keys, tag, 'key', day, i) : undefined;
  return { project_id: project.id, user_id: user?.id ?? null, api_key_id: key?.id ?? null };
}

/** Some days have no usage at all, and an org without projects never has any. */
function quietDay(seed: number, tag: string, day: number, org: Org): boolean {
  return org.projects.length === 0 || rand(seed, tag, 'quiet', day) < 0.1;
}

/** Every token counter of UsageCompletionsResult, consistent as the spec defines them: input = cached +
 * cache-write + uncached; uncached = text + audio + image (uncached); cached splits the same three ways. */
function completionMetrics(seed: number, ...parts: (string | number)[]): Record<string, number> {
  const r = (tag: string, lo: number, hi: number) => randInt(seed, lo, hi, tag, ...parts);
  const audio = rand(seed, 'audio', ...parts) < 0.1;
  const image = rand(seed, 'image', ...parts) < 0.2;
  const uncachedText = r('in', 1_000, 500_000);
  const uncachedAudio = audio ? r('in-audio', 10, 5_000) : 0;
  const uncachedImage = image ? r('in-image', 10, 20_000) : 0;
  const cachedText = Math.floor(uncachedText * rand(seed, 'cached', ...parts) * 0.5);
  const cachedAudio = audio ? Math.floor(uncachedAudio / 4) : 0;
  const cachedImage = image ? Math.floor(uncachedImage / 3) : 0;
  const cacheWrite = Math.floor(uncachedText / 10);
  const uncached = uncachedText + uncachedAudio + uncachedImage;
  const cached = cachedText + cachedAudio + cachedImage;
  const outText = r('out', 100, 100_000);
  const outAudio = audio ? r('out-audio', 10, 5_000) : 0;
  const outImage = image ? r('out-image', 10, 5_000) : 0;
  return {
    input_tokens: uncached + cached + cacheWrite,
    input_cached_tokens: cached,
    input_cache_write_tokens: cacheWrite,
    input_uncached_tokens: uncached,
    output_tokens: outText + outAudio + outImage,
    input_text_tokens: uncachedText,
    output_text_tokens: outText,
    input_cached_text_tokens: cachedText,
    input_audio_tokens: uncachedAudio,
    input_cached_audio_tokens: cachedAudio,
    output_audio_tokens: outAudio,
    input_image_tokens: uncachedImage,
    input_cached_image_tokens: cachedImage,
    output_image_tokens: outImage,
    num_model_requests: r('requests', 1, 400),
  };
}

/** Twins of the first two combinations per day: one differs only in `batch`, the other only in `service_tier`. */
const TWINS: readonly { batch: boolean; service_tier: string }[] = [
  { batch: true, service_tier: 'default' },
  { batch: false, service_tier: 'flex' },
];

/** The twins make a consumer that builds record ids from fewer than all dimensions see collisions. */
function completionAtoms(seed: number, day: number, org: Org): Atom[] {
  if (quietDay(seed, 'cmp', day, org)) return [];
  const atoms: Atom[] = [];
  const combos = randInt(seed, 2, 6, 'cmp-count', day);
  for (let i = 0; i < combos; i++) {
    const base = { ...who(seed, org, 'cmp', day, i), model: pick(seed, CHAT_MODELS, 'cmp-model', day, i) };
    const plain = {
      dims: { ...base, batch: false, service_tier: 'default' },
      metrics: completionMetrics(seed, day, i),
    };
    atoms.push(plain);
    const twin = TWINS[i];
    if (twin) atoms.push({ dims: { ...base, ...twin }, metrics: completionMetrics(seed, day, i, 'twin') });
  }
  return atoms;
}

/** The first combination uses two embedding models: a pair differing only in `model`. */
function embeddingAtoms(seed: number, day: number, org: Org): Atom[] {
  if (quietDay(seed, 'emb', day, org)) return [];
  const combos = randInt(seed, 1, 4, 'emb-count', day);
  return Array.from({ length: combos + 1 }, (_, n) => {
    const i = Math.max(0, n - 1);
    const model = n === 0 ? EMBEDDING_MODELS[0] : pick(seed, EMBEDDING_MODELS.slice(1), 'emb-model', day, i);
    return {
      dims: { ...who(seed, org, 'emb', day, i), model: model ?? null },
      metrics: {
        input_tokens: randInt(seed, 500, 2_000_000, 'emb-in', day, n),
        num_model_requests: randInt(seed, 1, 900, 'emb-req', day, n),
      },
    };
  });
}

function sessionAtoms(seed: number, day: number, org: Org): Atom[] {
  if (quietDay(seed, 'ci', day, org)) return [];
  return org.projects
    .filter((p, i) => i === 0 || rand(seed, 'ci-active', day, p.id) < 0.4)
    .map((p) => ({
      dims: { project_id: p.id },
      metrics: { num_sessions: randInt(seed, 1, 40, 'ci', day, p.id) },
    }));
}

function usageShape(object: string): BucketKind['shape'] {
  return (metrics, dims) => ({ object, ...metrics, ...dims });
}

export type UsageEndpoint = string;

/** Every usage endpoint the simulator serves: three made by hand (twins, model pairs), the rest from one table. */
export const USAGE_KINDS: Record<UsageEndpoint, BucketKind> = {
  completions: {
    dims: ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'],
    atoms: completionAtoms,
    shape: usageShape('organization.usage.completions.result'),
  },
  embeddings: {
    dims: ['project_id', 'user_id', 'api_key_id', 'model'],
    atoms: embeddingAtoms,
    shape: usageShape('organization.usage.embeddings.result'),
  },
  code_interpreter_sessions: {
    dims: ['project_id'],
    atoms: sessionAtoms,
    shape: usageShape('organization.usage.code_interpreter_sessions.result'),
  },
  ...genericKinds(),
};
