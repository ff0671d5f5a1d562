// Compliance log file downloads. GET …/logs/{id} (with the key, under a request budget) answers 307 to a
// short-lived signed URL on another host; that URL is fetched with no Authorization header, its body is
// streamed to a temporary file while hashed and counted, and only a file whose size and sha256 match the
// listing is handed back. An expired URL (403 from the file host) gets a fresh redirect from the API.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RequestBudget, type Clock } from '../engine/budget.js';
import { SourceError } from '../engine/errors.js';
import type { LocalLogFile } from './sync-events.js';
import type { ApiClient } from '../api/client.js';
import { readErrorBody } from '../api/body.js';
import { errorForStatus } from '../api/errors.js';
import { fileHostError, saveVerified, type LogFileTarget } from './download-verify.js';
import type { KeyContext } from '../api/http.js';
import { readJsonLines } from './jsonl.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';

/** Fresh redirects asked for when the file host refuses a signed URL, before the retry policy takes over. */
const URL_REFRESHES = 2;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export type { LogFileTarget } from './download-verify.js';

export class LogFileDownloader {
  // Its own budget: the download route (`/logs/{id}`, one route whatever the id) is budgeted per
  // workspace, and no other part of the connector calls it.
  private readonly budget: RequestBudget;
  private dir: Promise<string> | undefined;
  private seq = 0;

  /** `limits` come from the config, through the planner (logs/plan-events.ts). */
  constructor(
    private readonly client: ApiClient,
    clock: Clock & { log?(message: string): void },
    private readonly limits: { maxRequestsPerMinute: number; maxLineBytes: number },
  ) {
    this.budget = new RequestBudget(limits.maxRequestsPerMinute, clock, clock.log);
  }

  /** One attempt: the verified file, or a SourceError (retryable for a bad transfer). */
  async download(target: LogFileTarget, log: (message: string) => void): Promise<LocalLogFile> {
    this.dir ??= makeTempDir('codex-logs-');
    const path = join(await this.dir, `${this.seq++}.jsonl`);
    const dispose = () => rm(path, { force: true });
    try {
      await this.fetchTo(target, path, log);
    } catch (error) {
      await dispose();
      throw error;
    }
    const maxLineBytes = this.limits.maxLineBytes;
    return { lines: () => readJsonLines(path, maxLineBytes), dispose };
  }

  /** Removes the temporary directory and whatever is left in it. */
  async close(): Promise<void> {
    const dir = this.dir;
    this.dir = undefined;
    const path = await dir?.catch(() => undefined);
    if (path !== undefined) await removeTempDir(path);
  }

  private async fetchTo(target: LogFileTarget, path: string, log: (m: string) => void): Promise<void> {
    for (let refresh = 0; ; refresh++) {
      const location = await this.redirect(target);
      const http = this.client.http;
      const res = await http.get(location, undefined, http.downloadDeadlineMs(target.size));
      if (res.status === 200) return saveVerified(res, target, path);
      await res.body.dump().catch(() => undefined);
      if (res.status === 403 && refresh < URL_REFRESHES) {
        log(`log file ${target.id}: the signed URL was refused (403, expired); asking for a fresh one.`);
        continue;
      }
      throw fileHostError(res.status, target);
    }
  }

  /** The signed URL the API redirects to, checked. */
  private async redirect(target: LogFileTarget): Promise<URL> {
    const auth = this.auth();
    const path = `/logs/${encodeURIComponent(target.id)}`;
    const url = this.client.url('compliance', path, target.workspaceId, target.organizationId);
    await this.budget.acquire(`${target.organizationId ?? target.workspaceId}|log_download`);
    const res = await this.client.http.get(url, auth);
    const location = headerValue(res.headers.location);
    if (REDIRECTS.has(res.status) && location !== undefined) {
      await res.body.dump().catch(() => undefined);
      return signedUrl(location, url, target);
    }
    const text = await readErrorBody(res.body);
    if (res.status === 404) {
      throw new SourceError(
        `Compliance API: log file ${target.id} is no longer available (404); files are kept 30 days. Run the sync more often than that.`,
        { code: 'LOG_FILE_GONE', failureType: 'system_error', status: 404 },
      );
    }
    if (res.status >= 200 && res.status < 300) {
      throw new SourceError(
        `Compliance API GET ${url.pathname} answered ${res.status} instead of a redirect to the file.`,
        { code: 'LOG_DOWNLOAD_NOT_REDIRECT', failureType: 'system_error' },
      );
    }
    throw errorForStatus(res.status, res.headers, text, `GET ${url.pathname}`, auth);
  }

  private auth(): KeyContext {
    const auth = this.client.keyFor('compliance');
    if (auth === undefined) throw new Error('no compliance_api_key configured');
    return auth;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function signedUrl(location: string, from: URL, target: LogFileTarget): URL {
  const url = new URL(location, from);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SourceError(`Compliance API: log file ${target.id} redirects to a non-HTTP URL; refused.`, {
      code: 'LOG_DOWNLOAD_BAD_REDIRECT',
      failureType: 'system_error',
    });
  }
  return url;
}
