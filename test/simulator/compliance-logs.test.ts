// The Compliance log listing, over real HTTP against the simulator: order, strict bounds, limits, paging by
// last_end_time, 30-day retention and the listing faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { LogFileEntry } from '../../src/simulator/compliance.js';

const START = Date.parse('2026-07-16T03:00:00Z');
const DAY_MS = 86_400_000;
let now = START;
let sim: Simulator;
let ws: string;

interface Listing {
  data: LogFileEntry[];
  has_more: boolean;
  last_end_time: string | null;
}

async function get(query: string): Promise<Response> {
  const url = `${sim.apiBaseUrl}/compliance/workspaces/${ws}/logs?${query}`;
  return fetch(url, { headers: { authorization: `Bearer ${sim.keys.compliance}` } });
}

async function list(query: string): Promise<Listing> {
  const res = await get(query);
  expect(res.status).toBe(200);
  return (await res.json()) as Listing;
}

async function listAll(eventType: string, after: string, limit: number): Promise<LogFileEntry[]> {
  const files: LogFileEntry[] = [];
  let cursor = after;
  for (let page = 0; page < 100; page++) {
    const body = await list(`event_type=${eventType}&after=${encodeURIComponent(cursor)}&limit=${limit}`);
    files.push(...body.data);
    if (!body.has_more) return files;
    expect(body.last_end_time).not.toBeNull();
    cursor = body.last_end_time ?? '';
  }
  throw new Error('paging did not end');
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 11, now: () => now, rateLimitPerMinute: 10_000 });
  ws = sim.workspaceIds[0] ?? '';
});
afterAll(() => sim.close());
beforeEach(() => {
  now = START;
  sim.faults.clear();
});

describe('GET /logs', () => {
  it('lists files in ascending end_time with microseconds and the documented fields', async () => {
    const body = await list('event_type=CODEX_LOG&after=2026-07-01T00:00:00Z&limit=10');
    expect(body.data).toHaveLength(10);
    const ends = body.data.map((f) => f.end_time);
    expect([...ends].sort()).toEqual(ends);
    const first = body.data[0];
    expect(first?.id).toMatch(/^eclf_/);
    expect(first?.end_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(first?.file_name).toBe(`CODEX_LOG_${first?.end_time.replace('Z', '+00:00')}.jsonl`);
    expect(first?.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.last_end_time).toBe(ends.at(-1));
  });

  it('given after and before equal to file end_times, then both bounds are strict to the microsecond', async () => {
    const files = sim.truth.compliance.files(ws, 'CODEX_LOG');
    const [a, b, , d] = files.slice(10, 14);
    const q = `event_type=CODEX_LOG&after=${encodeURIComponent(a?.end_time ?? '')}`;
    const body = await list(`${q}&before=${encodeURIComponent(d?.end_time ?? '')}`);
    expect(body.data.map((f) => f.id)).toEqual(files.slice(11, 13).map((f) => f.id));
    expect(body.data[0]?.id).toBe(b?.id);
    expect(body.has_more).toBe(false);
  });

  it('accepts an offset zone in after', async () => {
    const utc = await list('event_type=CODEX_LOG&after=2026-07-10T00:00:00Z&limit=3');
    const offset = await list(
      `event_type=CODEX_LOG&after=${encodeURIComponent('2026-07-10T02:00:00+02:00')}&limit=3`,
    );
    expect(offset.data).toEqual(utc.data);
  });

  it('pages through every retained file by passing last_end_time back as after', async () => {
    const files = await listAll('CODEX_SECURITY_LOG', '2026-01-01T00:00:00Z', 7);
    const truth = sim.truth.compliance.files(ws, 'CODEX_SECURITY_LOG');
    expect(files.map((f) => f.id)).toEqual(truth.map((f) => f.id));
    expect(new Set(files.map((f) => f.id)).size).toBe(30 * sim.options.logFilesPerDay);
  });

  it('defaults limit to 100 and caps it at 100', async () => {
    const body = await list('event_type=CODEX_LOG&after=2026-01-01T00:00:00Z');
    expect(body.data).toHaveLength(100);
    expect(body.has_more).toBe(true);
    for (const bad of ['0', '101', 'ten', '-1']) {
      const res = await get(`event_type=CODEX_LOG&after=2026-01-01T00:00:00Z&limit=${bad}`);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ detail: [{ loc: ['query', 'limit'] }] });
    }
  });

  it('answers 422 for a missing or unknown event_type and a missing or zone-less after', async () => {
    for (const q of ['after=2026-07-01T00:00:00Z', 'event_type=NOPE&after=2026-07-01T00:00:00Z']) {
      expect((await get(q)).status).toBe(422);
    }
    for (const q of ['event_type=CODEX_LOG', 'event_type=CODEX_LOG&after=2026-07-01T00:00:00']) {
      const res = await get(q);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ detail: [{ loc: ['query', 'after'] }] });
    }
  });

  it('given a documented type with no files here (AUDIT_LOG), then it answers an empty listing', async () => {
    const body = await list('event_type=AUDIT_LOG&after=2026-01-01T00:00:00Z');
    expect(body).toEqual({ data: [], has_more: false, last_end_time: null });
  });

  it('given AUTH_LOG, a type the connector does not model, then it lists files of it', async () => {
    const body = await list('event_type=AUTH_LOG&after=2026-07-10T00:00:00Z&limit=5');
    expect(body.data).toHaveLength(5);
    expect(body.data.every((f) => f.event_type === 'AUTH_LOG')).toBe(true);
  });

  it('given COSTS at workspace scope, then 422: COSTS lives only at organization scope', async () => {
    expect((await get('event_type=COSTS&after=2026-07-10T00:00:00Z')).status).toBe(422);
  });

  it('keeps 30 days of closed files: older ones vanish and new ones appear as time passes', async () => {
    const before = await listAll('CODEX_LOG', '2025-01-01T00:00:00Z', 100);
    const cutoff = new Date(START - 30 * DAY_MS).toISOString();
    expect((before[0]?.end_time ?? '') > cutoff).toBe(true);
    expect((before.at(-1)?.end_time ?? '') <= new Date(START).toISOString()).toBe(true);
    now = START + DAY_MS;
    const after = await listAll('CODEX_LOG', '2025-01-01T00:00:00Z', 100);
    const perDay = sim.options.logFilesPerDay;
    expect(after.map((f) => f.id).slice(0, -perDay)).toEqual(before.map((f) => f.id).slice(perDay));
    const gone = await fetch(`${sim.apiBaseUrl}/compliance/workspaces/${ws}/logs/${before[0]?.id ?? ''}`, {
      headers: { authorization: `Bearer ${sim.keys.compliance}` },
      redirect: 'manual',
    });
    expect(gone.status).toBe(404);
  });
});

describe('GET /logs faults', () => {
  const q = 'event_type=CODEX_LOG&after=2026-07-01T00:00:00Z&limit=5';

  it('null_last_end_time: has_more true with a null last_end_time', async () => {
    sim.faults.add({ kind: 'null_last_end_time', route: 'logs' });
    expect(await list(q)).toMatchObject({ has_more: true, last_end_time: null });
    expect((await list(q)).last_end_time).not.toBeNull();
  });

  it('malformed_envelope: a 200 without data or has_more', async () => {
    sim.faults.add({ kind: 'malformed_envelope', route: 'logs' });
    const body = (await list(q)) as unknown as Record<string, unknown>;
    expect(body.data).toBeUndefined();
    expect(body.has_more).toBeUndefined();
  });

  it('repeat_cursor: last_end_time echoes the after just sent', async () => {
    sim.faults.add({ kind: 'repeat_cursor', route: 'logs' });
    expect(await list(q)).toMatchObject({ has_more: true, last_end_time: '2026-07-01T00:00:00Z' });
  });
});
