// The HTTP client: undici with keep-alive, Bearer auth sent only to the URL given (never across a redirect,
// which it refuses), and every failure turned into a SourceError. request_timeout_seconds is a total deadline
// for each request, body included: undici's idle timers alone let a server that drips a byte a second hold a
// request forever.
import { Agent, request, type Dispatcher } from 'undici';
import { SourceError } from '../engine/errors.js';
import { MIB, notJson, readCapped, readErrorBody } from './body.js';
import { errorForStatus, networkError } from './errors.js';
import { Reachability } from './reachability.js';

export interface KeyContext {
  /** The config key that holds this key, named in error messages (`analytics_api_key`, …). */
  keyName: string;
  key: string;
  api: string;
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
}

export interface HttpLimits {
  /** request_timeout_seconds, in ms: the deadline of a whole request. */
  timeoutMs: number;
  /** max_page_size_mb, in bytes. */
  maxPageBytes: number;
}

/** Idle connections are kept this long: pages follow each other within seconds, even under the rate limit. */
const KEEP_ALIVE_MS = 30_000;
/** Sockets per origin: up to 8 streams and 4 log downloads per partition run side by side. */
const CONNECTIONS_PER_ORIGIN = 16;
/** A log file download's deadline grows this much per MiB of its listed size: slower than 1 MiB/s is stuck. */
const DOWNLOAD_MS_PER_MIB = 1_000;

export class HttpClient {
  private readonly agent: Agent;
  private readonly reachability = new Reachability();

  constructor(
    readonly limits: HttpLimits,
    private readonly userAgent: string,
  ) {
    this.agent = new Agent({
      keepAliveTimeout: KEEP_ALIVE_MS,
      connections: CONNECTIONS_PER_ORIGIN,
      headersTimeout: limits.timeoutMs,
      bodyTimeout: limits.timeoutMs,
    });
  }

  /**
   * A log file download may take longer than one API page: its deadline grows by a second per MiB of the
   * size the listing gave, i.e. it may not go slower than 1 MiB/s on average.
   */
  downloadDeadlineMs(sizeBytes: number | undefined): number {
    return this.limits.timeoutMs + Math.ceil((sizeBytes ?? 0) / MIB) * DOWNLOAD_MS_PER_MIB;
  }

  /**
   * One GET; the body is left for the caller, and the deadline keeps running until the body is closed.
   * `auth` undefined sends no Authorization (signed URLs).
   */
  async get(url: URL, auth: KeyContext | undefined, deadlineMs = this.limits.timeoutMs): Promise<HttpResult> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.userAgent };
    if (auth) headers.authorization = `Bearer ${auth.key}`;
    const what = `GET ${url.pathname}`;
    if (auth) this.reachability.check(url);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(deadlineError(what, deadlineMs)), deadlineMs);
    timer.unref(); // an abandoned body must not keep the process alive
    try {
      const res = await request(url, {
        method: 'GET',
        headers,
        dispatcher: this.agent,
        signal: deadline.signal,
      });
      if (auth) this.reachability.reached(url);
      res.body.once('close', () => clearTimeout(timer));
      return { status: res.statusCode, headers: res.headers, body: res.body };
    } catch (error) {
      clearTimeout(timer);
      if (error instanceof SourceError) throw error;
      const code = (error as { code?: unknown }).code;
      const unreachable = auth && typeof code === 'string' && this.reachability.judge(url, code, auth);
      throw unreachable || networkError(error, what);
    }
  }

  /** GET a body (a JSON page) within max_page_size_mb; non-2xx answers (redirects included) become SourceErrors. */
  async getBytes(url: URL, auth: KeyContext): Promise<Buffer> {
    const res = await this.get(url, auth);
    const what = `GET ${url.pathname}`;
    if (res.status < 200 || res.status >= 300) {
      throw errorForStatus(res.status, res.headers, await readErrorBody(res.body), what, auth);
    }
    try {
      return await readCapped(res, this.limits.maxPageBytes, `${auth.api} ${what}`);
    } catch (error) {
      throw error instanceof SourceError ? error : networkError(error, what);
    }
  }

  /** GET a JSON document, parsed whole (small documents: a page goes through getBytes and api/lazy-page.ts). */
  async getJson(url: URL, auth: KeyContext): Promise<unknown> {
    const bytes = await this.getBytes(url, auth);
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      throw notJson(`${auth.api} GET ${url.pathname}`, bytes.length);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function deadlineError(what: string, ms: number): SourceError {
  return new SourceError(
    `${what} did not finish within ${Math.round(ms / 1000)} s: request_timeout_seconds is a total deadline for each request, body included (log file downloads get 1 s more per MiB). Raise request_timeout_seconds if the API is this slow.`,
    { code: 'REQUEST_DEADLINE', failureType: 'transient_error', retryable: true },
  );
}
