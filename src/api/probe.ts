// `check` probes: one cheap request per configured key and workspace (or organization), classified.
import { SourceError } from '../engine/errors.js';
import type { Family } from '../stream-def.js';
import { withQuery, type ApiClient } from './client.js';

export type ProbeStatus = 'accepted' | 'rejected' | 'no_scope' | 'unknown_workspace' | 'error';

export interface ProbeResult {
  family: Family;
  keyName: string;
  /** A workspace id, 'organization' (Admin), or an `org-…` id (the Compliance organization logs). */
  target: string;
  status: ProbeStatus;
  detail: string;
}

const PROBES: Record<Family, { path: string; query: (nowMs: number) => Record<string, string | number> }> = {
  analytics: {
    path: '/usage',
    query: (now) => ({ start_time: Math.floor(now / 86_400_000) * 86_400, limit: 1 }),
  },
  compliance: {
    path: '/logs',
    query: (now) => ({ event_type: 'CODEX_LOG', after: new Date(now - 3_600_000).toISOString(), limit: 1 }),
  },
  admin: { path: '/projects', query: () => ({ limit: 1 }) },
};

// A project key (sk-proj-…) in admin_api_key is the usual mistake: the Admin API answers 403 for it.
const ADMIN_403_HINT =
  'Use an Admin key (sk-admin-…, created by an organization owner under Organization settings → Admin keys); project and user keys cannot read organization data.';

function classify(error: unknown, family: Family): { status: ProbeStatus; detail: string } {
  const e = error instanceof SourceError ? error : undefined;
  const detail = e?.message ?? String(error);
  if (e?.status === 401) return { status: 'rejected', detail };
  if (e?.status === 403)
    return { status: 'no_scope', detail: family === 'admin' ? `${ADMIN_403_HINT} ${detail}` : detail };
  if (e?.status === 404) return { status: 'unknown_workspace', detail };
  return { status: 'error', detail };
}

async function probeOne(client: ApiClient, family: Family, url: URL, target: string): Promise<ProbeResult> {
  const keyName = client.keyFor(family)?.keyName ?? '';
  try {
    await client.getJson(family, url, target);
    return { family, keyName, target, status: 'accepted', detail: '' };
  } catch (error) {
    return { family, keyName, target, ...classify(error, family) };
  }
}

/** With organization_id, the Compliance key must also read the organization's logs (codex_costs). */
function organizationProbe(
  client: ApiClient,
  org: string | undefined,
  nowMs: number,
): { url: URL; target: string } | undefined {
  if (org === undefined) return undefined;
  const query = { event_type: 'COSTS', after: new Date(nowMs - 3_600_000).toISOString(), limit: 1 };
  return { url: withQuery(client.url('compliance', '/logs', undefined, org), query), target: org };
}

/** What to probe, from the config: the workspaces, and the organization whose COSTS logs are read. */
export interface ProbeTargets {
  workspaceIds: readonly string[];
  organizationId?: string;
}

export async function probeKeys(
  client: ApiClient,
  targets: ProbeTargets,
  nowMs: number,
): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const family of ['analytics', 'compliance', 'admin'] as const) {
    if (client.keyFor(family) === undefined) continue;
    const scopes = family === 'admin' ? [undefined] : targets.workspaceIds;
    for (const workspace of scopes) {
      const probe = PROBES[family];
      const url = withQuery(client.url(family, probe.path, workspace), probe.query(nowMs));
      results.push(await probeOne(client, family, url, workspace ?? 'organization'));
    }
    const org =
      family === 'compliance' ? organizationProbe(client, targets.organizationId, nowMs) : undefined;
    if (org !== undefined) results.push(await probeOne(client, family, org.url, org.target));
  }
  return results;
}
