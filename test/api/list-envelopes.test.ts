// The any_list paging style (codex_environments): every list envelope of the family, and a clear failure,
// quoting keys and never values, for anything else.
import { describe, expect, it } from 'vitest';
import { toPage, tokenParam } from '../../src/api/envelopes.js';

const rows = [{ id: 'env_1', name: 'secret-project' }];
const page = (body: unknown) => toPage('any_list', body, 'GET /codex_environments');

describe('any_list envelopes', () => {
  it.each([
    [{ data: rows, has_more: true, cursor: 'c1' }, 'cursor=c1', ['cursor', 'c1']],
    [{ data: rows, has_more: true, next_page: 'p1' }, 'page=p1', ['page', 'p1']],
    [
      { object: 'list', data: rows, has_more: true, first_id: 'env_1', last_id: 'env_1' },
      'after=env_1',
      ['after', 'env_1'],
    ],
  ])('given %j, then the next request carries the token in its own parameter', (body, next, param) => {
    expect(page(body)).toEqual({ rows, hasMore: true, next });
    expect(tokenParam('any_list', next)).toEqual(param);
  });

  it('given has_more false, a bare array, or data without has_more, then it is the last page', () => {
    expect(page({ data: rows, has_more: false, cursor: null })).toEqual({ rows, hasMore: false, next: null });
    expect(page(rows)).toEqual({ rows, hasMore: false, next: null });
    expect(page({ data: rows })).toEqual({ rows, hasMore: false, next: null });
  });

  it.each([
    [{ items: rows, count: 1 }, 'items, count'],
    [{ data: 'secret-project' }, 'data'],
    [{ data: [1, 'secret-project'] }, 'data'],
    [{ data: rows, has_more: 'yes-secret-project' }, 'data, has_more'],
    ['secret-project', 'none (a JSON string)'],
    [null, 'none (a JSON null)'],
  ])('given %j, then it fails naming the keys %s and no value', (body, keys) => {
    let message = '';
    try {
      page(body);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`top-level keys: ${keys})`);
    expect(message).not.toMatch(/secret-project|env_1/);
  });
});
