// A fast draw stream for one generated record: one string hash of (seed, parts) seeds sfc32, so a row that
// needs thirty random values costs one hash instead of thirty SHA-256s. Same (seed, parts) → same stream, in
// any order. Not cryptographic, and need not be: it only has to look random and be fast (benchmarks generate
// hundreds of thousands of rows).

export interface Draw {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `k` distinct items, kept in list order so output does not depend on draw order. */
  sample<T>(items: readonly T[], k: number): T[];
}

/** cyrb128 (bryc): a 128-bit string hash meant for seeding small PRNGs such as sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044251);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044251);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function draw(seed: number, ...parts: (string | number)[]): Draw {
  let [a, b, c, n] = cyrb128(`${seed}|${parts.join('|')}`);
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey): small state, good statistical quality, trivially seedable.
    const t = (((a + b) >>> 0) + n) >>> 0;
    n = (n + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 0x1_0000_0000;
  };
  // Discard a few outputs so that seeds from similar inputs (user 1, user 2) diverge fully.
  for (let i = 0; i < 4; i++) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    sample<T>(items: readonly T[], k: number): T[] {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(k, items.length)) chosen.add(int(0, items.length - 1));
      return items.filter((_, i) => chosen.has(i));
    },
  };
}
