// Pagination as an async generator: request, yield, find the next token, stop when there is none.
// Guards against a token that repeats (the API bug that makes naive clients loop for days) and keeps
// going over empty pages while the API says there is more.
import { SourceError } from './errors.js';

export interface Page<T> {
  rows: T[];
  /** The token for the next request; null when the API gave none. */
  next: string | null;
  hasMore: boolean;
}

export type FetchPage<T> = (token: string | null) => Promise<Page<T>>;

export async function* paginate<T>(what: string, fetchPage: FetchPage<T>): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  let token: string | null = null;
  for (;;) {
    const page: Page<T> = await fetchPage(token);
    if (page.rows.length > 0) yield page.rows;
    if (!page.hasMore) return;
    if (page.next === null || page.next === '') {
      throw new SourceError(
        `${what}: the API said has_more but gave no next page token; stopping instead of looping.`,
        {
          code: 'PAGING_NO_TOKEN',
          failureType: 'system_error',
        },
      );
    }
    if (seen.has(page.next)) {
      throw new SourceError(
        `${what}: the API returned a page token it had already returned; stopping instead of looping forever.`,
        { code: 'PAGING_LOOP', failureType: 'system_error' },
      );
    }
    seen.add(page.next);
    token = page.next;
  }
}
