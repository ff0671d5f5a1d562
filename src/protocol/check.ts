// CONNECTION_STATUS from probe results: per key what works and what failed, and which streams that leaves.
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

export function checkMessage(probes: readonly KeyProbe[], streams: readonly StreamDef[]): Message {
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
  const allGood = probes.length > 0 && probes.every((p) => p.status === 'accepted');
  return connectionStatus(allGood ? 'SUCCEEDED' : 'FAILED', lines.join('\n'));
}
