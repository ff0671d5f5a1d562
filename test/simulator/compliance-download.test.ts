// Log file downloads, over real HTTP: the 307 to a signed URL on the files origin, what that host refuses,
// and each download fault.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { LogFileEntry } from '../../src/simulator/compliance.js';

const START = Date.parse('2026-07-16T03:00:00Z');
let now = START;
let sim: Simulator;
let ws: string;
let files: LogFileEntry[];

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const auth = (): Record<string, string> => ({ authorization: `Bearer ${sim.keys.compliance}` });

function file(n: number): LogFileEntry {
  const f = files[n];
  if (!f) throw new Error(`no file ${n}`);
  return f;
}

async function redirect(fileId: string): Promise<string> {
  const url = `${sim.apiBaseUrl}/compliance/workspaces/${ws}/logs/${fileId}`;
  const res = await fetch(url, { headers: auth(), redirect: 'manual' });
  expect(res.status).toBe(307);
  return res.headers.get('location') ?? '';
}

async function download(fileId: string): Promise<{ res: Response; bytes: Buffer }> {
  const res = await fetch(await redirect(fileId));
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

function truthBytes(fileId: string): Buffer {
  return Buffer.concat([...sim.truth.compliance.fileBytes(ws, fileId)]);
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 5, now: () => now, rateLimitPerMinute: 10_000 });
  ws = sim.workspaceIds[0] ?? '';
  files = sim.truth.compliance.files(ws, 'CODEX_LOG');
});
afterAll(() => sim.close());
beforeEach(() => {
  now = START;
  sim.faults.clear();
});

describe('GET /logs/{id}', () => {
  it('answers 307 to a signed URL on the files origin, a different origin than the API', async () => {
    const location = new URL(await redirect(file(0).id));
    expect(location.origin).toBe(sim.origins.files);
    expect(location.origin).not.toBe(new URL(sim.apiBaseUrl).origin);
    expect(location.pathname).toBe(`/signed/${ws}/${file(0).id}`);
    expect(Number(location.searchParams.get('expires'))).toBe(Math.floor(START / 1000) + 300);
    expect(location.searchParams.get('sig')).toBeTruthy();
  });

  it('answers 404 for an unknown id and for a file of another workspace', async () => {
    const other = sim.workspaceIds[1] ?? '';
    for (const path of [`${ws}/logs/eclf_nope`, `${other}/logs/${file(0).id}`]) {
      const res = await fetch(`${sim.apiBaseUrl}/compliance/workspaces/${path}`, {
        headers: auth(),
        redirect: 'manual',
      });
      expect(res.status).toBe(404);
    }
  });

  it('serves bytes whose size and sha256 match the listing, with and without a final newline', async () => {
    const endings = new Set<boolean>();
    for (const f of [file(0), file(1)]) {
      const { res, bytes } = await download(f.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/x-ndjson');
      expect(Number(res.headers.get('content-length'))).toBe(f.file_size);
      expect(bytes.length).toBe(f.file_size);
      expect(sha256(bytes)).toBe(f.file_sha256);
      endings.add(bytes.at(-1) === 0x0a);
      const lines = bytes
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== '');
      expect(lines.map((l) => (JSON.parse(l) as { event_id: string }).event_id)).toHaveLength(
        sim.options.eventsPerFile,
      );
    }
    expect(endings).toEqual(new Set([true, false]));
  });
});

describe('the files host', () => {
  it('given an Authorization header, then it answers 400 and the request is counted', async () => {
    const res = await fetch(await redirect(file(2).id), { headers: auth() });
    expect(res.status).toBe(400);
    expect(sim.stats.authorizationAtFileHost()).toBeGreaterThanOrEqual(1);
  });

  it('given a tampered signature, then it answers 403', async () => {
    const url = new URL(await redirect(file(2).id));
    url.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>AuthenticationFailed</Code>');
  });

  it('given a URL older than five minutes, then it answers 403 like an expired storage URL', async () => {
    const location = await redirect(file(2).id);
    now = START + 301_000;
    const res = await fetch(location);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/xml');
    expect(await res.text()).toContain('AuthenticationFailed');
    expect((await fetch(await redirect(file(2).id))).status).toBe(200);
  });
});

describe('download faults', () => {
  it('expired_url: 403 once, then the file is served', async () => {
    sim.faults.add({ kind: 'expired_url', route: 'log_file', fileId: file(3).id });
    expect((await download(file(3).id)).res.status).toBe(403);
    expect((await download(file(3).id)).res.status).toBe(200);
  });

  it('sha_mismatch: same length, exactly one byte differs, JSON still valid; the retry is clean', async () => {
    const f = file(4);
    sim.faults.add({ kind: 'sha_mismatch', route: 'log_file', fileId: f.id });
    const { bytes } = await download(f.id);
    const good = truthBytes(f.id);
    expect(bytes.length).toBe(f.file_size);
    expect(sha256(bytes)).not.toBe(f.file_sha256);
    expect([...bytes].filter((b, i) => b !== good[i])).toHaveLength(1);
    for (const line of bytes.toString('utf8').split('\n').filter(Boolean))
      expect(() => JSON.parse(line)).not.toThrow();
    expect(sha256((await download(f.id)).bytes)).toBe(f.file_sha256);
  });

  it('truncated_download: a chunked body that ends cleanly after half the bytes, a prefix of the file', async () => {
    const f = file(5);
    sim.faults.add({ kind: 'truncated_download', route: 'log_file', fileId: f.id });
    const { res, bytes } = await download(f.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    expect(bytes.length).toBe(Math.floor(f.file_size / 2));
    expect(truthBytes(f.id).subarray(0, bytes.length).equals(bytes)).toBe(true);
  });

  it('reset_download: the socket is destroyed mid-body, so reading the body fails', async () => {
    const f = file(6);
    sim.faults.add({ kind: 'reset_download', route: 'log_file', fileId: f.id });
    const location = await redirect(f.id);
    let declared = 0;
    const attempt = fetch(location).then(async (res) => {
      declared = Number(res.headers.get('content-length'));
      return res.arrayBuffer();
    });
    await expect(attempt).rejects.toThrow();
    expect(declared).toBe(f.file_size);
    expect(sha256((await download(f.id)).bytes)).toBe(f.file_sha256);
  });

  it('malformed_line: one line is not JSON, and the listing size and sha256 describe those bytes', async () => {
    const target = file(7);
    sim.faults.add({ kind: 'malformed_line', route: 'log_file', fileId: target.id });
    const q = `event_type=CODEX_LOG&after=${encodeURIComponent(file(6).end_time)}&limit=1`;
    const res = await fetch(`${sim.apiBaseUrl}/compliance/workspaces/${ws}/logs?${q}`, { headers: auth() });
    const listed = ((await res.json()) as { data: LogFileEntry[] }).data[0];
    expect(listed?.id).toBe(target.id);
    expect(listed?.file_sha256).not.toBe(target.file_sha256);
    const { bytes } = await download(target.id);
    expect(sha256(bytes)).toBe(listed?.file_sha256);
    expect(bytes.length).toBe(listed?.file_size);
    const bad = bytes
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '' && !isJson(l));
    expect(bad).toHaveLength(1);
    expect(sim.truth.compliance.malformedFileIds()).toEqual([target.id]);
    expect(sha256((await download(target.id)).bytes)).toBe(listed?.file_sha256);
  });
});

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
