import { describe, expect, it } from 'vitest';
import { paginate, type FetchedPage, type Page } from '../../src/engine/paging.js';
import { MAX_PAGES_WITHOUT_PROGRESS } from '../../src/engine/progress.js';

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

  describe('progress bound: fresh tokens that bring nothing new', () => {
    /** A server that never stops: page n (from 0) is `page(n)`, always with a fresh token. */
    async function endless(page: (n: number) => number[], identify?: (row: number) => string) {
      let requests = 0;
      const rows: number[] = [];
      const fetch = async (): Promise<Page<number>> => {
        const n = requests++;
        if (n > 10 * MAX_PAGES_WITHOUT_PROGRESS) throw new Error('the loop did not stop');
        return { rows: page(n), next: `fresh-${n}`, hasMore: true };
      };
      const error = await (async () => {
        for await (const batch of paginate<number>('GET /v1/things', fetch, identify)) rows.push(...batch);
      })().catch((e: unknown) => e);
      return { error, rows, requests };
    }

    it('given empty pages with has_more forever, then it stops after MAX_PAGES_WITHOUT_PROGRESS with PAGING_NO_PROGRESS', async () => {
      const { error, requests } = await endless(() => []);
      expect(error).toMatchObject({ code: 'PAGING_NO_PROGRESS', failureType: 'system_error' });
      expect((error as Error).message).toContain('GET /v1/things');
      expect(requests).toBe(MAX_PAGES_WITHOUT_PROGRESS);
    });

    it('given the same rows under fresh tokens forever, then it hands them out once and stops', async () => {
      const { error, rows, requests } = await endless(() => [1, 2], String);
      expect(error).toMatchObject({ code: 'PAGING_NO_PROGRESS' });
      expect(new Set(rows)).toEqual(new Set([1, 2]));
      expect(requests).toBe(MAX_PAGES_WITHOUT_PROGRESS + 1);
    });

    it('given one new row now and then among empty pages, then it keeps paging (progress resets the count)', async () => {
      const every = MAX_PAGES_WITHOUT_PROGRESS - 1;
      const { rows } = await endless((n) => (n % every === 0 && n < 5 * every ? [n] : []), String);
      expect(rows).toEqual([0, every, 2 * every, 3 * every, 4 * every]);
    });
  });
});

describe('paginate: large pages handed out in slices', () => {
  /** A page whose rows come in slices, as api/lazy-page.ts gives a page of more than SLICE_ROWS rows. */
  const sliced = (slices: number[][], next: string | null, hasMore: boolean): FetchedPage<number> => ({
    rows: { count: slices.flat().length, slices: () => slices },
    next,
    hasMore,
  });

  it('given pages in slices, then it yields each slice in order and passes every token back', async () => {
    const pages = [sliced([[1, 2], [3]], 'a', true), sliced([[4], [5, 6]], null, false)];
    const tokens: (string | null)[] = [];
    const batches: number[][] = [];
    for await (const batch of paginate<number>('test', async (token) => {
      tokens.push(token);
      return pages[tokens.length - 1]!;
    }))
      batches.push(batch);
    expect(batches).toEqual([[1, 2], [3], [4], [5, 6]]);
    expect(tokens).toEqual([null, 'a']);
  });

  it('given the same rows in slices under fresh tokens forever, then it hands them out once and stops one request after a loop of pages in hand would', async () => {
    let requests = 0;
    const rows: number[] = [];
    const error = await (async () => {
      for await (const batch of paginate<number>(
        'GET /v1/things',
        async () => {
          const n = requests++;
          if (n > 10 * MAX_PAGES_WITHOUT_PROGRESS) throw new Error('the loop did not stop');
          return sliced([[1, 2], [3]], `fresh-${n}`, true);
        },
        String,
      ))
        rows.push(...batch);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PAGING_NO_PROGRESS' });
    expect(new Set(rows)).toEqual(new Set([1, 2, 3]));
    // The page judged last was consumed while the next one was already requested.
    expect(requests).toBe(MAX_PAGES_WITHOUT_PROGRESS + 2);
  });
});
