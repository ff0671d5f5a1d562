// CONNECTION_STATUS from probe results: per key what works and what failed, and which streams that leaves.
import { describeLag, STALE_AFTER_MS } from '../engine/lag.js';
import type { StreamDef } from '../stream-def.js';
import { connectionStatus, type Message } from './messages.js';

export interface KeyProbe {
  family: StreamDef['family'];
  keyName: string;
  target: string;
  status: 'accepted' | 'rejected' | 'no_scope' | 'unknown_workspace' | 'error';
  detail: string;
}

const WORDS: Record<KeyProbe['status'], string> = {
  accepted: 'accepted',
  rejected: 'rejected (401): the key is wrong, expired or revoked',
  no_scope: 'lacks the scope (403)',
  unknown_workspace: 'unknown workspace (404): check workspace_ids',
  error: 'could not be checked',
};

/** The newest Compliance event per workspace and type (the API side's `FreshnessCheck`, structurally). */
export type FreshnessLine =
  | { workspaceId: string; eventType: string; maxEventTime: string | null; lagMs: number | null }
  | { workspaceId: string; eventType: string; error: string };

/** One line per workspace and event type: how far the newest event lags behind now. */
export function freshnessLines(freshness: readonly FreshnessLine[]): string[] {
  if (freshness.length === 0) return [];
  const lines = freshness.map((f) => {
    const where = `workspace ${f.workspaceId} ${f.eventType}`;
    if ('error' in f) return `  ${where}: could not be read. ${f.error}`;
    if (f.maxEventTime === null) return `  ${where}: no events yet.`;
    if (f.lagMs === null) return `  ${where}: newest event ${f.maxEventTime}.`;
    const stale = f.lagMs > STALE_AFTER_MS ? ' (more than 24 h: the logs are behind)' : '';
    const lag = f.lagMs < 0 ? 'in the future' : `${describeLag(f.lagMs)} behind`;
    return `  ${where}: newest event ${f.maxEventTime}, ${lag}${stale}.`;
  });
  return ['Compliance log freshness (max_event_time):', ...lines];
}

/** An `org-…` target: the Compliance key probed on the organization's logs (organization_id). */
const isOrg = (target: string): boolean => target.startsWith('org-');

function failureLine(p: KeyProbe): string {
  const where =
    p.target === 'organization'
      ? ''
      : isOrg(p.target)
        ? ` for organization ${p.target}`
        : ` for workspace ${p.target}`;
  const words =
    p.status === 'unknown_workspace' && isOrg(p.target)
      ? 'unknown organization (404): check organization_id'
      : WORDS[p.status];
  return `${p.keyName}: ${words}${where}. ${p.detail}`.trim();
}

function acceptedLine(keyName: string, mine: readonly KeyProbe[]): string {
  if (mine[0]?.target === 'organization') return `${keyName}: accepted.`;
  const org = mine.find((p) => isOrg(p.target));
  const workspaces = mine.length - (org === undefined ? 0 : 1);
  return `${keyName}: accepted for ${workspaces} workspace(s)${org ? ` and organization ${org.target}` : ''}.`;
}

/** A stream is readable when its key was accepted somewhere it reads: the organization for codex_costs. */
function readable(s: StreamDef, probes: readonly KeyProbe[]): boolean {
  const needsOrg = s.needs === 'organization_id';
  return probes.some((p) => p.family === s.family && p.status === 'accepted' && isOrg(p.target) === needsOrg);
}

export function checkMessage(
  probes: readonly KeyProbe[],
  streams: readonly StreamDef[],
  freshness: readonly FreshnessLine[] = [],
): Message {
  const lines: string[] = [];
  for (const keyName of [...new Set(probes.map((p) => p.keyName))]) {
    const mine = probes.filter((p) => p.keyName === keyName);
    const bad = mine.filter((p) => p.status !== 'accepted');
    if (bad.length === 0) lines.push(acceptedLine(keyName, mine));
    else lines.push(...bad.map(failureLine));
  }
  const ok = streams.filter((s) => readable(s, probes)).map((s) => s.name);
  const unavailable = streams.filter(
    (s) => !readable(s, probes) && probes.some((p) => p.family === s.family),
  );
  lines.push(
    ok.length > 0 ? `Readable streams: ${ok.join(', ')}.` : 'No stream is readable with these keys.',
  );
  if (unavailable.length > 0) lines.push(`Unavailable: ${unavailable.map((s) => s.name).join(', ')}.`);
  lines.push(...freshnessLines(freshness));
  const allGood = probes.length > 0 && probes.every((p) => p.status === 'accepted');
  return connectionStatus(allGood ? 'SUCCEEDED' : 'FAILED', lines.join('\n'));
}
