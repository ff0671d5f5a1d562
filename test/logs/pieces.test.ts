// The small engine pieces of the Compliance log sync: instants, bounded dedupe, ordered prefetch.
import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../src/logs/dedupe.js';
import { compareInstants } from '../../src/logs/instants.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mergeGenerators } from '../../src/logs/merge.js';
import { orderedPrefetch } from '../../src/logs/ordered-prefetch.js';

describe('compareInstants', () => {
  it.each([
    ['2026-07-16T01:00:00.123456Z', '2026-07-16T01:00:00.123455Z', 1],
    ['2026-07-16T01:00:00.123Z', '2026-07-16T01:00:00.123000Z', 0],
    ['2026-07-16T01:00:00.123000001Z', '2026-07-16T01:00:00.123Z', 1],
    ['2026-07-16T03:00:00+02:00', '2026-07-16T01:00:00Z', 0],
    ['2026-07-16T01:00:00Z', '2026-07-16T01:00:00.000001Z', -1],
  ])('given %s and %s, then it compares them as instants (%i), microseconds included', (a, b, sign) => {
    expect(Math.sign(compareInstants(a, b) ?? NaN)).toBe(sign);
  });

  it('given text that is not a timestamp with a zone, then it says so (undefined)', () => {
    expect(compareInstants('yesterday', '2026-07-16T01:00:00Z')).toBeUndefined();
    expect(compareInstants('2026-07-16T01:00:00', '2026-07-16T01:00:00Z')).toBeUndefined();
  });
});

describe('RecentIds', () => {
  it('given an id of the previous file, then it is a duplicate; of three files back, it is forgotten', () => {
    const ids = new RecentIds(3);
    ids.startFile();
    expect(ids.add('a')).toBe(true);
    ids.startFile();
    expect(ids.add('a')).toBe(false);
    expect(ids.add('b')).toBe(true);
    expect(ids.add('b')).toBe(false);
    ids.startFile();
    ids.startFile();
    expect(ids.add('b')).toBe(false); // b was first seen 2 files back: still inside the window
    expect(ids.add('a')).toBe(true); // a: 3 files back, forgotten
  });

  it('given many files, then it never holds more than the ids of its window, nor more than its cap', () => {
    const ids = new RecentIds(3, 10_000);
    for (let f = 0; f < 100; f++) {
      ids.startFile();
      for (let i = 0; i < 1000; i++) ids.add(`${f}-${i}`);
      expect(ids.size).toBeLessThanOrEqual(3000);
    }
    const capped = new RecentIds(3, 500);
    capped.startFile();
    for (let i = 0; i < 2000; i++) capped.add(`x${i}`);
    expect(capped.size).toBe(500);
    expect(capped.add('x1999')).toBe(false); // the most recent ids are the ones kept
  });
});

const tick = () => new Promise((r) => setTimeout(r, 1));

async function* items(n: number, failAt?: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    if (i === failAt) throw new Error(`source failed at ${i}`);
    yield i;
  }
}

describe('orderedPrefetch', () => {
  it('given fetches that finish out of order, then it yields in source order with at most depth in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const fetch = async (i: number) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      for (let t = 0; t < (i % 3 === 0 ? 8 : 1); t++) await tick();
      inFlight -= 1;
      return i * 10;
    };
    const out: number[] = [];
    for await (const { item, value } of orderedPrefetch(items(12), fetch, 3, async () => undefined)) {
      expect(value).toBe(item * 10);
      out.push(item);
    }
    expect(out).toEqual([...Array(12).keys()]);
    expect(peak).toBe(3);
  });

  it('given a fetch that fails, then earlier items are yielded first, and prefetched values are disposed', async () => {
    const disposed: number[] = [];
    const fetch = async (i: number) => {
      await tick();
      if (i === 2) throw new Error('fetch 2 failed');
      return i;
    };
    const out: number[] = [];
    const run = async () => {
      for await (const { item } of orderedPrefetch(items(10), fetch, 3, async (v) => void disposed.push(v)))
        out.push(item);
    };
    await expect(run()).rejects.toThrow('fetch 2 failed');
    expect(out).toEqual([0, 1]);
    expect(disposed.sort()).toEqual([3, 4]);
  });

  it('given a source that fails, then the items read before it are still yielded, then the error', async () => {
    const out: number[] = [];
    const run = async () => {
      for await (const { item } of orderedPrefetch(
        items(10, 4),
        async (i) => i,
        3,
        async () => undefined,
      ))
        out.push(item);
    };
    await expect(run()).rejects.toThrow('source failed at 4');
    expect(out).toEqual([0, 1, 2, 3]);
  });

  it('given a consumer that stops early, then values fetched ahead are disposed', async () => {
    const disposed: number[] = [];
    for await (const { item } of orderedPrefetch(
      items(10),
      async (i) => i,
      3,
      async (v) => void disposed.push(v),
    ))
      if (item === 1) break;
    expect(disposed.sort()).toEqual([2, 3, 4]);
  });
});

describe('mergeGenerators', () => {
  async function* counter(name: string, n: number, log: string[], delayEvery = 1): AsyncGenerator<string> {
    try {
      for (let i = 0; i < n; i++) {
        if (i % delayEvery === 0) await tick();
        log.push(`${name}${i} produced`);
        yield `${name}${i}`;
      }
    } finally {
      log.push(`${name} closed`);
    }
  }

  it('given three generators and a limit of two, then it interleaves them, two at a time, losing nothing', async () => {
    const log: string[] = [];
    let active = 0;
    let peak = 0;
    const start = (name: string) => () =>
      (async function* () {
        active += 1;
        peak = Math.max(peak, active);
        yield* counter(name, 4, log);
        active -= 1;
      })();
    const out: string[] = [];
    for await (const v of mergeGenerators([start('a'), start('b'), start('c')], 2)) out.push(v);
    expect([...out].sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'b3', 'c0', 'c1', 'c2', 'c3']);
    expect(peak).toBe(2);
    expect(out.indexOf('b0')).toBeLessThan(out.indexOf('a3')); // interleaved, not one after the other
  });

  it('given a consumer, then a generator resumes only after its previous value was taken', async () => {
    const log: string[] = [];
    const starts = [() => counter('a', 3, log, 100), () => counter('b', 3, log, 100)];
    for await (const v of mergeGenerators(starts, 2)) {
      log.push(`${v} taken`);
      const name = v.slice(0, 1);
      const mine = log.filter((l) => l.startsWith(name) && l.endsWith('produced'));
      expect(mine.at(-1)).toBe(`${v} produced`); // nothing after it was produced before it was taken
    }
  });

  it('given one generator that fails, then the others are closed and the error is rethrown', async () => {
    const log: string[] = [];
    async function* failing(): AsyncGenerator<string> {
      await tick();
      yield 'x0';
      throw new Error('partition failed');
    }
    const run = async () => {
      for await (const v of mergeGenerators([() => counter('a', 100, log), failing], 2)) log.push(v);
    };
    await expect(run()).rejects.toThrow('partition failed');
    expect(log).toContain('a closed');
    expect(log.filter((l) => l.endsWith('produced')).length).toBeLessThan(100);
  });

  it('keeps nothing the consumer has taken, however long another generator stays pending', async () => {
    // Promise.race over long-pending promises kept every earlier result alive: memory grew with file size.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slow(): AsyncGenerator<object> {
      await gate;
      yield { slow: true };
    }
    async function* fast(): AsyncGenerator<object> {
      for (let i = 0; i < 300; i++) yield { payload: new Array(1000).fill(i) };
    }
    const merged = mergeGenerators<object>([fast, slow], 2);
    const taken: WeakRef<object>[] = [];
    for (let i = 0; i < 300; i++) {
      const { value } = await merged.next();
      taken.push(new WeakRef(value as object));
    }
    await new Promise((resolve) => setTimeout(resolve, 10)); // WeakRefs hold their targets until the job ends
    gc();
    const alive = taken.filter((ref) => ref.deref() !== undefined).length;
    release();
    for await (const _ of merged) void _;
    expect(alive).toBeLessThan(5);
  });
});
