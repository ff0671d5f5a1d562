import { describe, expect, it } from 'vitest';
import { paginate, type Page } from '../../src/engine/paging.js';

async function collect(pages: Page<number>[]): Promise<{ rows: number[]; tokens: (string | null)[] }> {
  const tokens: (string | null)[] = [];
  const rows: number[] = [];
  for await (const batch of paginate<number>('test', async (token) => {
    tokens.push(token);
    const page = pages[tokens.length - 1];
    if (!page) throw new Error('asked for a page past the end');
    return page;
  }))
    rows.push(...batch);
  return { rows, tokens };
}

describe('paginate', () => {
  it('given three pages, when paging, then it passes each next token back and yields every row', async () => {
    const { rows, tokens } = await collect([
      { rows: [1, 2], next: 'a', hasMore: true },
      { rows: [3], next: 'b', hasMore: true },
      { rows: [4], next: null, hasMore: false },
    ]);
    expect(rows).toEqual([1, 2, 3, 4]);
    expect(tokens).toEqual([null, 'a', 'b']);
  });

  it('given empty pages while has_more is true, then it keeps paging', async () => {
    const { rows } = await collect([
      { rows: [], next: 'a', hasMore: true },
      { rows: [], next: 'b', hasMore: true },
      { rows: [7], next: null, hasMore: false },
    ]);
    expect(rows).toEqual([7]);
  });

  it('given a token that repeats, then it fails loudly with PAGING_LOOP instead of looping', async () => {
    await expect(
      collect([
        { rows: [1], next: 'a', hasMore: true },
        { rows: [2], next: 'b', hasMore: true },
        { rows: [3], next: 'a', hasMore: true },
      ]),
    ).rejects.toMatchObject({ code: 'PAGING_LOOP', failureType: 'system_error' });
  });

  it('given has_more without a token, then it fails with PAGING_NO_TOKEN', async () => {
    await expect(collect([{ rows: [1], next: null, hasMore: true }])).rejects.toMatchObject({
      code: 'PAGING_NO_TOKEN',
    });
  });
});
