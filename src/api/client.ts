// The API side of a sync: where each family lives, which key it takes, and paging through any stream's
// endpoint with the request budget and the retry policy applied to every request.
import { RequestBudget } from '../engine/budget.js';
import { paginate } from '../engine/paging.js';
import { withRetry } from '../engine/retry.js';
import type { EngineDeps, Row } from '../engine/types.js';
import type { Family, PagingStyle } from '../stream-def.js';
import { rowIdentity, tokenParam } from './envelopes.js';
import { FAMILIES, type ApiSettings } from './families.js';
import { HttpClient, type KeyContext } from './http.js';
import { pageOf } from './lazy-page.js';
import { PageSizes, sizedPages } from './page-size.js';

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface ApiDeps extends EngineDeps {
  log(message: string): void;
  /** Backoff base for retries without Retry-After (tests shorten it). */
  retryBaseMs?: number;
}

export class ApiClient {
  readonly http: HttpClient;
  private readonly budget: RequestBudget;
  /** Page sizes each route accepted, remembered for the rest of the sync. */
  readonly pageSizes = new PageSizes();

  /** The backoff base every retry of this sync uses (log downloads too: logs/plan-events.ts). */
  get retryBaseMs(): number | undefined {
    return this.deps.retryBaseMs;
  }

  /** Config reaches the client only as these settings (api/families.ts `apiSettings`); the planners get
   * the config itself. */
  constructor(
    private readonly settings: ApiSettings,
    private readonly deps: ApiDeps,
    userAgent: string,
  ) {
    this.http = new HttpClient(
      { timeoutMs: settings.timeoutMs, maxPageBytes: settings.maxPageBytes },
      userAgent,
    );
    this.budget = new RequestBudget(settings.maxRequestsPerMinute, deps, deps.log);
  }

  /** The request budget of every route of this sync, for callers with a budget of their own (downloads). */
  get maxRequestsPerMinute(): number {
    return this.settings.maxRequestsPerMinute;
  }

  keyFor(family: Family): KeyContext | undefined {
    const { keyName, api } = FAMILIES[family];
    const key = this.settings.keys[family];
    return key === undefined ? undefined : { keyName, key, api };
  }

  /** The URL of `path` under a family's root (api/families.ts), e.g. …/analytics/codex/workspaces/{id}/usage. */
  url(family: Family, path: string, workspaceId?: string, organizationId?: string): URL {
    const root = FAMILIES[family].root({ workspaceId, organizationId });
    return new URL(`${this.settings.baseUrls[family]}${root}${path}`);
  }

  /** GET JSON under the budget (per workspace or org, and route) and the retry policy. */
  getJson(family: Family, url: URL, budgetKey: string): Promise<unknown> {
    return this.retried(family, url, budgetKey, (auth) => this.http.getJson(url, auth));
  }

  /** One page under the budget and the retry policy: a body cut short is read again (api/lazy-page.ts). */
  private getPage(family: Family, paging: PagingStyle, url: URL, budgetKey: string, what: string) {
    return this.retried(family, url, budgetKey, async (auth) =>
      pageOf(paging, await this.http.getBytes(url, auth), what),
    );
  }

  /** `read` with the family's key, each attempt under the budget of its workspace (or org) and route. */
  private async retried<T>(
    family: Family,
    url: URL,
    budgetKey: string,
    read: (auth: KeyContext) => Promise<T>,
  ): Promise<T> {
    const auth = this.keyFor(family);
    if (auth === undefined) throw new Error(`no key configured for ${family}`);
    return withRetry(
      `GET ${url.pathname}`,
      async () => {
        await this.budget.acquire(`${budgetKey}|${url.pathname}`);
        return read(auth);
      },
      { sleep: this.deps.sleep, now: this.deps.now, log: this.deps.log, baseDelayMs: this.deps.retryBaseMs },
    );
  }

  /** Every page of one endpoint, as arrays of raw API rows (a large page in slices: engine/paging.ts). */
  async *pages(
    family: Family,
    paging: PagingStyle,
    url: URL,
    query: Query,
    budgetKey: string,
  ): AsyncGenerator<Row[]> {
    const what = `${FAMILIES[family].api} GET ${url.pathname}`;
    yield* paginate<Row>(
      what,
      async (token) => {
        const pageUrl = withQuery(url, query);
        if (token !== null) {
          const [name, value] = tokenParam(paging, token);
          pageUrl.searchParams.set(name, value);
        }
        return this.getPage(family, paging, pageUrl, budgetKey, what);
      },
      rowIdentity,
    );
  }

  /** Every page, `wanted` rows a page or less: steps down when the API refuses the size (page-size.ts). */
  sizedPages(
    family: Family,
    paging: PagingStyle,
    url: URL,
    query: Query,
    budgetKey: string,
    wanted: number,
  ): AsyncGenerator<Row[]> {
    const route = `${family} ${url.pathname.replace(/\/workspaces\/[^/]+/, '/workspaces/{id}')}`;
    const open = (limit: number) => this.pages(family, paging, url, { ...query, limit }, budgetKey);
    return sizedPages(this.pageSizes, route, wanted, open, this.deps.log);
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}

export function withQuery(url: URL, query: Query): URL {
  const out = new URL(url);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) out.searchParams.append(name, String(v));
    else out.searchParams.set(name, String(value));
  }
  return out;
}
