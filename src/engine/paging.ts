// Pagination as an async generator: request, yield, find the next token, stop when there is none.
// Guards against a token that repeats (the API bug that makes naive clients loop for days) and keeps
// going over empty pages while the API says there is more. The next page is requested as soon as its token
// is known, so the network works while the consumer emits the current page (one page ahead, no more).
// Fresh tokens that bring nothing new are caught by the progress bound (progress.ts).
import { SourceError } from './errors.js';
import { ProgressGuard } from './progress.js';

export interface Page<T> {
  rows: T[];
  /** The token for the next request; null when the API gave none. */
  next: string | null;
  hasMore: boolean;
}

export type FetchPage<T> = (token: string | null) => Promise<Page<T>>;

/** Why the page's next token cannot be followed, or null when it can. */
function tokenProblem(what: string, page: Page<unknown>, seen: Set<string>): SourceError | null {
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

/** `identify` gives a row's identity, so pages of rows already served count as no progress. */
export async function* paginate<T>(
  what: string,
  fetchPage: FetchPage<T>,
  identify?: (row: T) => string,
): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  const progress = new ProgressGuard<T>(what, identify);
  let pending: Promise<Page<T>> = fetchPage(null);
  for (;;) {
    const page: Page<T> = await pending;
    const problem = page.hasMore ? (tokenProblem(what, page, seen) ?? progress.problem(page.rows)) : null;
    if (page.hasMore && problem === null) {
      seen.add(page.next as string);
      pending = fetchPage(page.next);
      pending.catch(() => undefined); // surfaces at the next await; unobserved if the consumer stops first
    }
    // A page's rows are handed out before a problem with its token is reported, as they always were.
    if (page.rows.length > 0) yield page.rows;
    if (!page.hasMore) return;
    if (problem !== null) throw problem;
  }
}
