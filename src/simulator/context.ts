// The simulator's shared state: sizes, keys and workspace ids, all derived from the seed.
import { createFaultRegistry, type SimFaultRegistry } from './faults.js';
import { idFrom, uuidFrom } from './random.js';
import { createStats } from './stats.js';
import type { FaultSpec, SimContext, SimKeys, SimSizeOptions } from './types.js';

/** Small and fast: what tests get unless they ask for more. */
export const DEFAULT_SIZES: Required<SimSizeOptions> = {
  seed: 42,
  workspaces: 2,
  users: 25,
  days: 30,
  logFilesPerDay: 4,
  eventsPerFile: 20,
  eventPaddingBytes: 0,
  complianceLagHours: 0,
  tasks: 45,
  environments: 3,
  environmentsEnvelope: 'cursor',
  projects: 3,
  orgUsers: 8,
  auditEvents: 120,
  rateLimitPerMinute: 100,
  maxPageSize: 30_000,
  latencyMs: 0,
  bucketArrayKey: 'results',
  adminTenantAudit: true,
};

export function resolveSizes(opts: SimSizeOptions): Required<SimSizeOptions> {
  const defined = Object.fromEntries(
    Object.entries(opts).filter(([k, v]) => v !== undefined && k in DEFAULT_SIZES),
  );
  const sizes: Required<SimSizeOptions> = { ...DEFAULT_SIZES, ...defined };
  for (const [name, value] of Object.entries(sizes)) {
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0)) {
      throw new Error(`simulator: option ${name} must be a non-negative integer, got ${value}`);
    }
  }
  if (sizes.workspaces < 1 || sizes.rateLimitPerMinute < 1) {
    throw new Error('simulator: workspaces and rateLimitPerMinute must be at least 1');
  }
  return sizes;
}

/** 32 URL-safe random characters: long enough to look and behave like a real key. */
function secret(seed: number, name: string): string {
  return idFrom('', seed, 'key', name, 1) + idFrom('', seed, 'key', name, 2);
}

export function makeKeys(seed: number): SimKeys {
  return {
    analytics: `sk-codex-analytics-${secret(seed, 'analytics')}`,
    compliance: `sk-codex-compliance-${secret(seed, 'compliance')}`,
    admin: `sk-admin-${secret(seed, 'admin')}`,
    noScope: `sk-codex-noscope-${secret(seed, 'noscope')}`,
    nonAdmin: `sk-proj-${secret(seed, 'proj')}`,
  };
}

export function makeWorkspaceIds(seed: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => uuidFrom(seed, 'workspace', i));
}

export function unknownWorkspaceId(seed: number): string {
  return uuidFrom(seed, 'workspace', 'unknown');
}

export function createContext(
  sizes: Required<SimSizeOptions>,
  now: () => number,
  faults: readonly FaultSpec[],
): SimContext & { faults: SimFaultRegistry } {
  return {
    seed: sizes.seed,
    workspaceIds: makeWorkspaceIds(sizes.seed, sizes.workspaces),
    keys: makeKeys(sizes.seed),
    now,
    faults: createFaultRegistry(faults),
    stats: createStats(),
    // Placeholders until the listeners are up; nothing reads them before then.
    origins: { api: 'http://127.0.0.1', admin: 'http://127.0.0.1', files: 'http://localhost' },
    epoch: 0,
    options: sizes,
  };
}
