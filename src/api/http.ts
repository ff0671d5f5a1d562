// The HTTP client: undici with keep-alive, Bearer auth sent only to the URL given (never across a redirect,
// which it refuses), per-request timeouts, and every failure turned into a SourceError.
import { Agent, request, type Dispatcher } from 'undici';
import { SourceError } from '../engine/errors.js';
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

const MAX_ERROR_BODY = 4096;

export class HttpClient {
  private readonly agent: Agent;
  private readonly reachability = new Reachability();

  constructor(
    timeoutMs: number,
    private readonly userAgent: string,
  ) {
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      connections: 16,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  /** One GET; the body is left for the caller. `auth` undefined sends no Authorization (signed URLs). */
  async get(url: URL, auth: KeyContext | undefined): Promise<HttpResult> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.userAgent };
    if (auth) headers.authorization = `Bearer ${auth.key}`;
    if (auth) this.reachability.check(url);
    try {
      const res = await request(url, { method: 'GET', headers, dispatcher: this.agent });
      if (auth) this.reachability.reached(url);
      return { status: res.statusCode, headers: res.headers, body: res.body };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const unreachable = auth && typeof code === 'string' && this.reachability.judge(url, code, auth);
      throw unreachable || networkError(error, `GET ${url.pathname}`);
    }
  }

  /** GET a JSON document; non-2xx answers (redirects included) become SourceErrors. */
  async getJson(url: URL, auth: KeyContext): Promise<unknown> {
    const res = await this.get(url, auth);
    const what = `GET ${url.pathname}`;
    if (res.status < 200 || res.status >= 300) {
      const text = await readLimited(res.body);
      throw errorForStatus(res.status, res.headers, text, what, auth);
    }
    let text: string;
    try {
      text = await res.body.text();
    } catch (error) {
      throw networkError(error, what);
    }
    try {
      return JSON.parse(text);
    } catch {
      // A cut body (connection closed early) is transient: the same request usually succeeds next time.
      throw new SourceError(
        `${auth.api} ${what}: the response body is not complete JSON (${text.length} bytes).`,
        {
          code: 'BODY_NOT_JSON',
          failureType: 'transient_error',
          retryable: true,
        },
      );
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

async function readLimited(body: HttpResult['body']): Promise<string> {
  try {
    const text = await body.text();
    return text.slice(0, MAX_ERROR_BODY);
  } catch {
    return '';
  }
}
