// Each paging style is declared, not guessed: its token comes from the fields it names, in order, and goes back
// in the parameter it names; a field another style would use is ignored.
import { describe, expect, it } from 'vitest';
import { PAGING_STYLES, toPage, tokenParam } from '../../src/api/envelopes.js';
import type { PagingStyle } from '../../src/stream-def.js';

const ALL_FIELDS = ['next_page', 'last_end_time', 'cursor', 'last_id', 'next'];
const STYLES = Object.entries(PAGING_STYLES) as [Exclude<PagingStyle, 'any_list'>, [string, string][]][];

describe('paging styles', () => {
  it.each(STYLES)('%s: the token of each declared field goes back in its parameter', (style, fields) => {
    for (const [field, param] of fields) {
      const page = toPage(style, { data: [{ id: 'a' }], has_more: true, [field]: 'T1' }, 'GET /x');
      expect(page.next).not.toBeNull();
      expect(tokenParam(style, page.next ?? '')).toEqual([param, 'T1']);
    }
  });

  it.each(STYLES)('%s: a field it does not declare is never taken for a token', (style, fields) => {
    const declared = new Set(fields.map(([field]) => field));
    const others = Object.fromEntries(ALL_FIELDS.filter((f) => !declared.has(f)).map((f) => [f, 'X']));
    expect(toPage(style, { data: [], has_more: true, ...others }, 'GET /x').next).toBeNull();
  });

  it('cursor_or_last_id prefers the cursor when both are present (the newer style of the endpoint)', () => {
    const page = toPage(
      'cursor_or_last_id',
      { data: [], has_more: true, cursor: 'C', last_id: 'L' },
      'GET /x',
    );
    expect(tokenParam('cursor_or_last_id', page.next ?? '')).toEqual(['cursor', 'C']);
  });

  it('a token that holds "=" survives a single-field style whole', () => {
    const page = toPage('page', { data: [], has_more: true, next_page: 'a=b==' }, 'GET /x');
    expect(tokenParam('page', page.next ?? '')).toEqual(['page', 'a=b==']);
  });
});
