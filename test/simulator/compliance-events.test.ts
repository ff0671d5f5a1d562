// The content of log files: the event envelope, at-least-once duplicates across adjacent files, awkward
// characters, padding for large files, and determinism by seed.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { LogFileEntry } from '../../src/simulator/compliance.js';

const START = Date.parse('2026-07-16T03:00:00Z');
const now = (): number => START;
let sim: Simulator;
let ws: string;

type Event = Record<string, unknown> & { event_id: string; timestamp: string };

async function downloadLines(s: Simulator, workspaceId: string, fileId: string): Promise<string[]> {
  const url = `${s.apiBaseUrl}/compliance/workspaces/${workspaceId}/logs/${fileId}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${s.keys.compliance}` } });
  expect(res.status).toBe(200);
  return (await res.text()).split('\n').filter((l) => l !== '');
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 3, now, rateLimitPerMinute: 10_000 });
  ws = sim.workspaceIds[0] ?? '';
});
afterAll(() => sim.close());

describe('log file content', () => {
  it('repeats the last 1-2 events of a file as the first events of the next file of the same type', async () => {
    const files = sim.truth.compliance.files(ws, 'CODEX_LOG').slice(20, 24);
    for (let n = 1; n < files.length; n++) {
      const prev = await downloadLines(sim, ws, files[n - 1]?.id ?? '');
      const next = await downloadLines(sim, ws, files[n]?.id ?? '');
      const dups = sim.truth.compliance.duplicatesAtStart(ws, files[n]?.id ?? '');
      expect([1, 2]).toContain(dups);
      expect(next.slice(0, dups)).toEqual(prev.slice(-dups));
      expect(next[dups]).not.toBe(prev.at(-dups - 1));
    }
  });

  it('counts duplicates in the truth: events minus unique ids equals the repeated lines', () => {
    const events = sim.truth.compliance.events(ws, 'CODEX_SECURITY_LOG');
    const files = sim.truth.compliance.files(ws, 'CODEX_SECURITY_LOG');
    const repeated = files.slice(1).reduce((n, f) => n + sim.truth.compliance.duplicatesAtStart(ws, f.id), 0);
    expect(events).toHaveLength(files.length * sim.options.eventsPerFile);
    expect(events.length - sim.truth.compliance.uniqueEventIds(ws, 'CODEX_SECURITY_LOG').length).toBe(
      repeated,
    );
  });

  it('writes the documented envelope, with timestamps before the file end_time', async () => {
    const file = sim.truth.compliance.files(ws, 'CODEX_LOG')[30] as LogFileEntry;
    const events = (await downloadLines(sim, ws, file.id)).map((l) => JSON.parse(l) as Event);
    for (const e of events) {
      expect(e.event_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(e).toMatchObject({
        type: 'CODEX_LOG',
        principal: { id: ws, type: 'CHATGPT_WORKSPACE' },
        workspace_id: ws,
      });
      expect(e).toMatchObject({ actor: { type: 'ACCOUNT_USER', user_id: expect.stringMatching(/^user-/) } });
      expect(e.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Date.parse(e.timestamp)).toBeLessThan(Date.parse(file.end_time));
    }
  });

  it('varies sub-types and fields, and includes awkward text and actors without email', () => {
    const events = sim.truth.compliance.events(ws, 'CODEX_LOG') as Event[];
    const subtypes = new Set(events.map((e) => e.event_type));
    expect(subtypes).toEqual(
      new Set([
        'PROMPT_SENT',
        'PROMPT_RESPONSE_RECEIVED',
        'TOOL_CALL_COMPLETED',
        'TOOL_CALL_FAILED',
        'TOOL_DECISION',
        'SESSION_ARCHIVED',
      ]),
    );
    const text = JSON.stringify(events);
    for (const s of ['\u2028', '\u2029', '🚀', '\\"']) expect(text).toContain(s);
    expect(events.some((e) => (e.actor as Record<string, unknown>).user_email === undefined)).toBe(true);
    expect(
      events.some((e) => typeof (e.event_details as Record<string, unknown>).token_usage === 'object'),
    ).toBe(true);
  });

  it('gives CODEX_SECURITY_LOG events scan and finding details', () => {
    const events = sim.truth.compliance.events(ws, 'CODEX_SECURITY_LOG') as Event[];
    const findings = events.map((e) => (e.event_details as { finding?: { severity: string } }).finding);
    expect(new Set(findings.map((f) => f?.severity).filter(Boolean)).size).toBeGreaterThan(1);
    expect(events.every((e) => e.type === 'CODEX_SECURITY_LOG')).toBe(true);
  });
});

describe('determinism and size', () => {
  it('same seed gives the same files and bytes; another seed gives different ones', async () => {
    const twin = await startSimulator({ seed: 3, now, rateLimitPerMinute: 10_000 });
    const other = await startSimulator({ seed: 4, now });
    try {
      expect(twin.workspaceIds).toEqual(sim.workspaceIds);
      expect(twin.truth.compliance.files(ws, 'CODEX_LOG')).toEqual(
        sim.truth.compliance.files(ws, 'CODEX_LOG'),
      );
      expect(twin.truth.compliance.tasks(ws)).toEqual(sim.truth.compliance.tasks(ws));
      const otherWs = other.workspaceIds[0] ?? '';
      const shas = (s: Simulator, w: string): string[] =>
        s.truth.compliance.files(w, 'CODEX_LOG').map((f) => f.file_sha256);
      expect(shas(other, otherWs)).not.toEqual(shas(sim, ws));
    } finally {
      await Promise.all([twin.close(), other.close()]);
    }
  });

  it('given eventPaddingBytes, then a multi-megabyte file streams intact in many chunks', async () => {
    const big = await startSimulator({ seed: 3, now, eventsPerFile: 40, eventPaddingBytes: 100_000 });
    try {
      const q = 'event_type=CODEX_LOG&after=2026-07-10T00:00:00Z&limit=1';
      const res = await fetch(`${big.apiBaseUrl}/compliance/workspaces/${ws}/logs?${q}`, {
        headers: { authorization: `Bearer ${big.keys.compliance}` },
      });
      const file = ((await res.json()) as { data: LogFileEntry[] }).data[0] as LogFileEntry;
      expect(file.file_size).toBeGreaterThan(40 * 100_000);
      const url = `${big.apiBaseUrl}/compliance/workspaces/${ws}/logs/${file.id}`;
      const download = await fetch(url, { headers: { authorization: `Bearer ${big.keys.compliance}` } });
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(bytes.length).toBe(file.file_size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.file_sha256);
      expect(
        bytes
          .toString('utf8')
          .split('\n')
          .filter((l) => l !== ''),
      ).toHaveLength(40);
    } finally {
      await big.close();
    }
  });
});
