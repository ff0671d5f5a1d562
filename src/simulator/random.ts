// Deterministic values from a seed and a path of parts: the same (seed, parts) always give the same value,
// whatever order data is generated in. That lets the simulator produce huge data sets lazily.
import { createHash } from 'node:crypto';

function digest(seed: number, parts: readonly (string | number)[]): Buffer {
  return createHash('sha256')
    .update(`${seed}|${parts.join('|')}`)
    .digest();
}

/** A float in [0, 1). */
export function rand(seed: number, ...parts: (string | number)[]): number {
  return digest(seed, parts).readUInt32BE(0) / 0x1_0000_0000;
}

/** An integer in [min, max]. */
export function randInt(seed: number, min: number, max: number, ...parts: (string | number)[]): number {
  return min + Math.floor(rand(seed, ...parts) * (max - min + 1));
}

export function pick<T>(seed: number, items: readonly T[], ...parts: (string | number)[]): T {
  const item = items[Math.floor(rand(seed, ...parts) * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A version-4-shaped UUID. */
export function uuidFrom(seed: number, ...parts: (string | number)[]): string {
  const h = digest(seed, parts).toString('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A short opaque id such as `user-3fA9c0d1e2`. */
export function idFrom(prefix: string, seed: number, ...parts: (string | number)[]): string {
  return `${prefix}${digest(seed, parts).toString('base64url').slice(0, 16)}`;
}
