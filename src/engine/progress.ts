// The progress bound every page loop shares. An API may legally answer an empty page with has_more (it pages a
// stretch of time it has no rows for), so one empty page is no fault; but a server that hands out fresh tokens
// over empty pages, or over rows it already served, would keep a sync paging at the request budget forever
// while the token-repeat guard sees nothing wrong. So a loop fails once too many pages in a row bring nothing
// new: no rows, or only rows already seen in this loop.
import { SourceError } from './errors.js';

/**
 * Pages in a row without a new row before a loop gives up. The longest legitimate run we can think of is one
 * empty page per day of an Analytics window (at most 91 days), so 100 leaves room for that; at the default 90
 * requests a minute it costs about a minute before a looping server is called out.
 */
export const MAX_PAGES_WITHOUT_PROGRESS = 100;

/** FNV-1a, 32 bits: row identities are kept as numbers, so a window of 270k rows costs a few MB, not tens. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class ProgressGuard<T> {
  private readonly seen = new Set<number>();
  private idle = 0;

  /**
   * @param what names the loop in the error: the stream's request (`GET /…/usage`), never a URL with a query.
   * @param identify a row's identity within the loop; without it only empty pages count as no progress.
   */
  constructor(
    private readonly what: string,
    private readonly identify?: (row: T) => string,
    private readonly limit = MAX_PAGES_WITHOUT_PROGRESS,
  ) {}

  /** Notes one page's rows (after any filtering); throws once `limit` pages in a row brought nothing new. */
  observe(rows: readonly T[]): void {
    const problem = this.problem(rows);
    if (problem !== null) throw problem;
  }

  /** Like observe(), but returns the error instead of throwing it. */
  problem(rows: readonly T[]): SourceError | null {
    return this.judge(this.fresh(rows));
  }

  /** Whether any of `rows` is new to this loop (they are noted as seen); a page read in slices asks per slice. */
  fresh(rows: readonly T[]): boolean {
    if (this.identify === undefined) return rows.length > 0;
    let fresh = false;
    for (const row of rows) {
      const id = hash(this.identify(row));
      if (!this.seen.has(id)) {
        this.seen.add(id);
        fresh = true;
      }
    }
    return fresh;
  }

  /** One page's verdict: `fresh` when any of its rows was new. */
  judge(fresh: boolean): SourceError | null {
    this.idle = fresh ? 0 : this.idle + 1;
    if (this.idle < this.limit) return null;
    return new SourceError(
      `${this.what}: ${this.idle} pages in a row brought no new rows (empty, or rows already served) although the API said there was more; stopping instead of paging forever. This is an API fault; retry later or report it. Data up to the last STATE is safe.`,
      { code: 'PAGING_NO_PROGRESS', failureType: 'system_error' },
    );
  }
}
