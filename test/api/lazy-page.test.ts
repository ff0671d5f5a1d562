// A page body → Page (src/api/lazy-page.ts): pages up to SLICE_ROWS rows are parsed at once; larger ones are
// checked now (envelope, each element an object) and parsed a slice at a time when consumed.
import { describe, expect, it } from 'vitest';
import { pageOf } from '../../src/api/lazy-page.js';
import { SourceError } from '../../src/engine/errors.js';
import { SLICE_ROWS, type FetchedPage, type PageRows } from '../../src/engine/paging.js';
import type { Row } from '../../src/engine/types.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, n: i }));
const body = (value: unknown) => Buffer.from(JSON.stringify(value));
const WHAT = 'Codex Analytics API GET /usage';

function slicesOf(page: FetchedPage<Row>): Row[][] {
  if (Array.isArray(page.rows)) throw new Error('the page was parsed at once');
  return [...page.rows.slices()];
}

function errorOf(f: () => unknown): SourceError {
  try {
    f();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('pageOf', () => {
  it('given a page of SLICE_ROWS rows, then its rows are parsed at once', () => {
    const page = pageOf('page', body({ data: rows(SLICE_ROWS), has_more: true, next_page: 'p2' }), WHAT);
    expect(Array.isArray(page.rows)).toBe(true);
    expect(page.rows).toEqual(rows(SLICE_ROWS));
    expect(page).toMatchObject({ hasMore: true, next: 'p2' });
  });

  it('given one row more, then the rows come in slices of SLICE_ROWS, all of them, in order, once', () => {
    const page = pageOf('page', body({ data: rows(SLICE_ROWS + 1), has_more: false, next_page: null }), WHAT);
    expect((page.rows as PageRows<Row>).count).toBe(SLICE_ROWS + 1);
    const slices = slicesOf(page);
    expect(slices.map((s) => s.length)).toEqual([SLICE_ROWS, 1]);
    expect(slices.flat()).toEqual(rows(SLICE_ROWS + 1));
    expect(() => [...(page.rows as PageRows<Row>).slices()]).toThrow(/read once/);
  });

  it('given a bare array (any_list) of 5,000 rows, then it is one page, in slices', () => {
    const page = pageOf('any_list', body(rows(5_000)), WHAT);
    expect(page).toMatchObject({ hasMore: false, next: null });
    expect(slicesOf(page).map((s) => s.length)).toEqual([2_000, 2_000, 1_000]);
  });

  it('given a large page with an element that is not an object, then the envelope fails at once, naming the element', () => {
    const data: unknown[] = rows(5_000);
    data[4_321] = 'a string';
    const error = errorOf(() => pageOf('page', body({ data, has_more: false }), WHAT));
    expect(error.code).toBe('MALFORMED_ENVELOPE');
    expect(error.message).toContain('data.4321');
  });

  it('given a large page whose has_more is not a boolean, then the envelope fails at once', () => {
    const error = errorOf(() => pageOf('page', body({ data: rows(5_000), has_more: 'yes' }), WHAT));
    expect(error.code).toBe('MALFORMED_ENVELOPE');
  });

  it('given a large page cut short, then it fails as a body that is not complete JSON, to be fetched again', () => {
    const whole = body({ data: rows(5_000), has_more: false });
    const error = errorOf(() => pageOf('page', whole.subarray(0, whole.length - 10), WHAT));
    expect(error).toMatchObject({ code: 'BODY_NOT_JSON', failureType: 'transient_error', retryable: true });
  });

  it('given a small page with an element JSON.parse refuses, then it fails at once, to be fetched again', () => {
    const text = Buffer.from('{"data":[{"id":"a"},{"id":nope}],"has_more":false}');
    expect(errorOf(() => pageOf('page', text, WHAT))).toMatchObject({
      code: 'BODY_NOT_JSON',
      retryable: true,
    });
  });

  it('given a large page with an element JSON.parse refuses, then the slices before it are handed out and its slice fails without quoting it', () => {
    const parts = rows(5_000).map((r) => JSON.stringify(r));
    parts[2_500] = '{"id":"secret-ish", "n": nope}';
    const page = pageOf('page', Buffer.from(`{"data":[${parts.join(',')}],"has_more":false}`), WHAT);
    if (Array.isArray(page.rows)) throw new Error('the page was parsed at once');
    const handed: Row[][] = [];
    let failure: unknown;
    try {
      for (const slice of page.rows.slices()) handed.push(slice);
    } catch (error) {
      failure = error;
    }
    expect(handed.map((s) => s.length)).toEqual([2_000]);
    expect(failure).toMatchObject({ code: 'BODY_NOT_JSON', failureType: 'system_error' });
    expect((failure as Error).message).toContain('rows 2001 to 4000 of a page of 5000');
    expect((failure as Error).message).not.toContain('secret-ish');
  });
});
