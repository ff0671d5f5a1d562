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

export function checkMessage(
  probes: readonly KeyProbe[],
  streams: readonly StreamDef[],
  freshness: readonly FreshnessLine[] = [],
): Message {
  const lines: string[] = [];
  const working = new Set<string>();
  for (const keyName of [...new Set(probes.map((p) => p.keyName))]) {
    const mine = probes.filter((p) => p.keyName === keyName);
    const bad = mine.filter((p) => p.status !== 'accepted');
    if (bad.length === 0) {
      lines.push(
        `${keyName}: accepted${mine[0]?.target === 'organization' ? '' : ` for ${mine.length} workspace(s)`}.`,
      );
      working.add(mine[0]?.family ?? '');
    } else {
      for (const p of bad) {
        const where = p.target === 'organization' ? '' : ` for workspace ${p.target}`;
        lines.push(`${keyName}: ${WORDS[p.status]}${where}. ${p.detail}`.trim());
      }
      if (bad.length < mine.length) working.add(mine[0]?.family ?? '');
    }
  }
  const readable = streams.filter((s) => working.has(s.family)).map((s) => s.name);
  const unavailable = streams.filter(
    (s) => !working.has(s.family) && probes.some((p) => p.family === s.family),
  );
  lines.push(
    readable.length > 0
      ? `Readable streams: ${readable.join(', ')}.`
      : 'No stream is readable with these keys.',
  );
  if (unavailable.length > 0) lines.push(`Unavailable: ${unavailable.map((s) => s.name).join(', ')}.`);
  lines.push(...freshnessLines(freshness));
  const allGood = probes.length > 0 && probes.every((p) => p.status === 'accepted');
  return connectionStatus(allGood ? 'SUCCEEDED' : 'FAILED', lines.join('\n'));
}
