// The acceptance run's clock. The simulator's data is dated relative to "now", so records read on different
// days differ, and expected_records.jsonl could only hold the few records that carry no date. Every acceptance
// run therefore starts at the same instant, ANCHOR: the in-process simulator reads a shifted clock, and each
// connector process gets the same shift through a preloaded module (clock-preload.mjs). Both sides agree on
// "now", the data is the same on every run, and every stream can be seeded with expected records.
// Airbyte's own CAT, against the real APIs, runs on the real clock: this only applies to `npm run acceptance`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A Friday noon UTC: a run of a few minutes stays within one day, far from any simulated file boundary. */
export const ANCHOR_MS = Date.UTC(2026, 10, 20, 12, 0, 0);

export const OFFSET_ENV = 'CODEX_ACCEPTANCE_CLOCK_OFFSET_MS';

export interface ShiftedClock {
  offsetMs: number;
  now(): number;
  /** Environment for a connector process: the preload and the offset it applies. */
  env: Record<string, string>;
}

/** A clock that reads `anchor` now and advances in real time from here. */
export function shiftedClock(anchor = ANCHOR_MS, realNow = Date.now()): ShiftedClock {
  const offsetMs = anchor - realNow;
  const preload = preloadFile();
  const inherited = process.env.NODE_OPTIONS ?? '';
  return {
    offsetMs,
    now: () => Date.now() + offsetMs,
    env: {
      [OFFSET_ENV]: String(offsetMs),
      NODE_OPTIONS: `${inherited} --import=${JSON.stringify(preload)}`.trim(),
    },
  };
}

/** acceptance/clock-preload.mjs, found from this module whether it runs as TypeScript or compiled. */
function preloadFile(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'clock-preload.mjs'), join(dir, 'acceptance', 'clock-preload.mjs')])
      if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('acceptance/clock-preload.mjs not found');
  }
}
