// A deterministic stream of random values from one (seed, parts) key. random.ts hashes once per value,
// which costs ~15 hashes per event; drawing every field of an event from one stream makes generating
// (and hashing) large log files several times cheaper. Same key and same draw order → same values.
import { createHash } from 'node:crypto';

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A version-4-shaped UUID. */
  uuid(): string;
}

export function rngFor(seed: number, ...parts: (string | number)[]): Rng {
  let block = createHash('sha256')
    .update(`rng|${seed}|${parts.join('|')}`)
    .digest();
  let offset = 0;
  const bytes = (n: number): Buffer => {
    if (offset + n > block.length) {
      block = createHash('sha256').update(block).digest();
      offset = 0;
    }
    offset += n;
    return block.subarray(offset - n, offset);
  };
  const next = (): number => bytes(4).readUInt32BE(0) / 0x1_0000_0000;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    uuid: () => {
      const h = bytes(16).toString('hex');
      const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}

const MEMO_CAP = 100_000;

/**
 * Memoises a pure function of a string key. Generating one line needs the same few per-file and per-user
 * values as its neighbours; the cap keeps memory flat on long-running simulators.
 */
export function memoize<A extends unknown[], V>(
  key: (...args: A) => string,
  compute: (...args: A) => V,
): (...args: A) => V {
  const cache = new Map<string, V>();
  return (...args) => {
    const k = key(...args);
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    if (cache.size >= MEMO_CAP) cache.clear();
    const value = compute(...args);
    cache.set(k, value);
    return value;
  };
}
