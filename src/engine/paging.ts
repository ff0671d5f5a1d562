// Pagination as an async generator: request, yield, find the next token, stop when there is none.
// Guards against a token that repeats (the API bug that makes naive clients loop for days) and keeps
// going over empty pages while the API says there is more. The next page is requested as soon as its token
// is known, so the network works while the consumer emits the current page (one page ahead, no more).
// Fresh tokens that bring nothing new are caught by the progress bound (progress.ts).
import { SourceError } from './errors.js';
import { ProgressGuard } from './progress.js';

/**
 * A large page's rows, not yet parsed: handed out a slice at a time (api/lazy-page.ts), so a page of 30,000
 * rows is never held as 30,000 objects, and the page fetched ahead is held as bytes only.
 */
export interface PageRows<T> {
  readonly count: number;
  /** The rows in order, SLICE_ROWS at a time; read once. */
  slices(): Iterable<T[]>;
}

/** Rows handed out at a time from a page not yet parsed. */
export const SLICE_ROWS = 2_000;

export interface Page<T> {
  rows: T[];
  /** The token for the next request; null when the API gave none. */
  next: string | null;
  hasMore: boolean;
}

/** A page as a fetch gives it: rows in hand, or for a large page a reader that parses them as consumed. */
export interface FetchedPage<T> extends Omit<Page<T>, 'rows'> {
  rows: T[] | PageRows<T>;
}

export type FetchPage<T> = (token: string | null) => Promise<FetchedPage<T>>;

/** Why the page's next token cannot be followed, or null when it can. */
function tokenProblem(what: string, page: FetchedPage<unknown>, seen: Set<string>): SourceError | null {
  if (page.next === null || page.next === '') {
    return new SourceError(
      `${what}: the API said has_more but gave no next page token; stopping instead of looping.`,
      { code: 'PAGING_NO_TOKEN', failureType: 'system_error' },
    );
  }
  if (seen.has(page.next)) {
    return new SourceError(
      `${what}: the API returned a page token it had already returned; stopping instead of looping forever.`,
      { code: 'PAGING_LOOP', failureType: 'system_error' },
    );
  }
  return null;
}

/**
 * `identify` gives a row's identity, so pages of rows already served count as no progress. A page whose rows
 * are in hand is judged before its token is followed; a page parsed as it is consumed (PageRows) is judged
 * once consumed, its next page already requested, so a server serving nothing new under fresh tokens gets
 * at most one request more than MAX_PAGES_WITHOUT_PROGRESS + 1 before the loop stops.
 */
export async function* paginate<T>(
  what: string,
  fetchPage: FetchPage<T>,
  identify?: (row: T) => string,
): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  const progress = new ProgressGuard<T>(what, identify);
  let pending: Promise<FetchedPage<T>> = fetchPage(null);
  for (;;) {
    const page: FetchedPage<T> = await pending;
    const { rows } = page;
    let problem = page.hasMore ? tokenProblem(what, page, seen) : null;
    if (page.hasMore && problem === null && Array.isArray(rows)) problem = progress.problem(rows);
    if (page.hasMore && problem === null) {
      seen.add(page.next as string);
      pending = fetchPage(page.next);
      pending.catch(() => undefined); // surfaces at the next await; unobserved if the consumer stops first
    }
    // A page's rows are handed out before a problem with its token is reported, as they always were.
    if (Array.isArray(rows)) {
      if (rows.length > 0) yield rows;
    } else {
      let fresh = false;
      for (const slice of rows.slices()) {
        if (progress.fresh(slice)) fresh = true;
        yield slice;
      }
      if (page.hasMore && problem === null) problem = progress.judge(fresh);
    }
    if (!page.hasMore) return;
    if (problem !== null) throw problem;
  }
}
