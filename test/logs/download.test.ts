// The log file downloader against the simulator over loopback: redirect, signed URL without the key,
// verification, and each download fault as a retryable error (the engine does the retrying).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client.js';
import { apiSettings } from '../../src/api/families.js';
import { LogFileDownloader, type LogFileTarget } from '../../src/logs/download.js';
import { configSchema } from '../../src/config/schema.js';
import { SourceError } from '../../src/engine/errors.js';
import type { LocalLogFile } from '../../src/logs/sync-events.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';

const LIMITS = { maxRequestsPerMinute: 100, maxLineBytes: 32 * 1024 * 1024 };
let sim: Simulator;
let client: ApiClient;
let ws: string;
let files: { id: string; file_size: number; file_sha256: string }[];
const logs: string[] = [];
// A private TMPDIR (this worker only), so counting temporary directories is not raced by other tests.
const privateTmp = mkdtempSync(join(tmpdir(), 'download-test-'));
process.env.TMPDIR = privateTmp;

beforeAll(async () => {
  sim = await startSimulator({ seed: 9, rateLimitPerMinute: 10_000 });
  ws = sim.workspaceIds[0] ?? '';
  files = sim.truth.compliance.files(ws, 'CODEX_LOG').slice(-6);
  const config = configSchema.parse({
    workspace_ids: sim.workspaceIds,
    compliance_api_key: sim.keys.compliance,
    api_base_url: sim.apiBaseUrl,
  });
  const clock = { now: () => Date.now(), sleep: async () => undefined };
  client = new ApiClient(apiSettings(config), { ...clock, log: (m) => void logs.push(m) }, 'test');
});
afterAll(async () => {
  await client.close();
  await sim.close();
  rmSync(privateTmp, { recursive: true, force: true });
});
beforeEach(() => {
  sim.faults.clear();
  logs.length = 0;
});

function target(n: number): LogFileTarget {
  const f = files[n];
  if (!f) throw new Error(`no file ${n}`);
  return { workspaceId: ws, id: f.id, size: f.file_size, sha256: f.file_sha256 };
}

async function eventIds(file: LocalLogFile): Promise<string[]> {
  const ids: string[] = [];
  for await (const line of file.lines()) {
    if ('error' in line) throw new Error(line.error);
    ids.push(String((line.value as { event_id: string }).event_id));
  }
  return ids;
}

const tempDirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('codex-logs-'));

describe('LogFileDownloader', () => {
  it('given a listed file, then it follows the 307 without the key and yields exactly the stored events', async () => {
    const before = tempDirs();
    const d = new LogFileDownloader(client, { now: Date.now, sleep: async () => undefined }, LIMITS);
    for (const n of [0, 1]) {
      const file = await d.download(target(n), (m) => void logs.push(m));
      const truth = [...sim.truth.compliance.fileLines(ws, target(n).id)].map(
        (l) => (JSON.parse(l) as { event_id: string }).event_id,
      );
      expect(await eventIds(file)).toEqual(truth);
      await file.dispose();
    }
    expect(sim.stats.authorizationAtFileHost()).toBe(0);
    expect(sim.stats.requests.filter((r) => r.route === 'log_file').length).toBeGreaterThanOrEqual(2);
    expect(tempDirs().length).toBe(before.length + 1);
    await d.close();
    expect(tempDirs()).toEqual(before);
  });

  it.each([
    ['sha_mismatch', 'LOG_FILE_SHA_MISMATCH'],
    ['truncated_download', 'LOG_FILE_TRUNCATED'],
    ['reset_download', 'LOG_FILE_DOWNLOAD_BROKEN'],
  ] as const)(
    'given %s, then the attempt fails with a retryable %s and leaves no file behind',
    async (kind, code) => {
      const d = new LogFileDownloader(client, { now: Date.now, sleep: async () => undefined }, LIMITS);
      sim.faults.add({ kind, route: 'log_file', fileId: target(2).id });
      const error = await d
        .download(target(2), () => undefined)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(SourceError);
      expect(error).toMatchObject({ code, retryable: true });
      const dirs = tempDirs();
      expect(dirs.flatMap((dir) => readdirSync(join(tmpdir(), dir)))).toEqual([]);
      const again = await d.download(target(2), () => undefined);
      expect((await eventIds(again)).length).toBeGreaterThan(0);
      await d.close();
    },
  );

  it('given an expired signed URL, then it asks the API for a fresh redirect and logs it', async () => {
    const d = new LogFileDownloader(client, { now: Date.now, sleep: async () => undefined }, LIMITS);
    sim.faults.add({ kind: 'expired_url', route: 'log_file', fileId: target(3).id });
    const redirects = sim.stats.count('log_download');
    const file = await d.download(target(3), (m) => void logs.push(m));
    expect((await eventIds(file)).length).toBeGreaterThan(0);
    expect(sim.stats.count('log_download') - redirects).toBe(2);
    expect(logs.some((m) => /signed URL was refused \(403, expired\); asking for a fresh one/.test(m))).toBe(
      true,
    );
    await d.close();
  });

  it('given a signed URL refused again and again, then the attempt ends retryable (the engine backs off)', async () => {
    const d = new LogFileDownloader(client, { now: Date.now, sleep: async () => undefined }, LIMITS);
    sim.faults.add({ kind: 'expired_url', route: 'log_file', fileId: target(4).id, times: 3 });
    await expect(d.download(target(4), () => undefined)).rejects.toMatchObject({
      code: 'LOG_FILE_HTTP_403',
      retryable: true,
    });
    await d.close();
  });

  it('given a file the API no longer lists, then it fails clearly without retrying', async () => {
    const d = new LogFileDownloader(client, { now: Date.now, sleep: async () => undefined }, LIMITS);
    await expect(d.download({ ...target(0), id: 'eclf_gone' }, () => undefined)).rejects.toMatchObject({
      code: 'LOG_FILE_GONE',
      failureType: 'system_error',
    });
    await d.close();
  });
});
