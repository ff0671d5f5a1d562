// The acceptance run's shared clock (acceptance/clock.ts): a connector process started with its environment
// reads the anchor as "now", in Date.now() and `new Date()`, while dates it is given are left alone.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ANCHOR_MS, shiftedClock } from '../acceptance/clock.js';

describe('the acceptance clock', () => {
  it('given the clock environment, a child process reads the anchor as now and keeps explicit dates', () => {
    const clock = shiftedClock();
    const out = execFileSync(
      process.execPath,
      ['-e', 'console.log(JSON.stringify([Date.now(), new Date().getTime(), new Date(0).getTime()]))'],
      { env: { ...process.env, ...clock.env }, encoding: 'utf8' },
    );
    const [now, constructed, epoch] = JSON.parse(out) as number[];
    expect(Math.abs((now ?? 0) - ANCHOR_MS)).toBeLessThan(5_000);
    expect(Math.abs((constructed ?? 0) - ANCHOR_MS)).toBeLessThan(5_000);
    expect(epoch).toBe(0);
    expect(Math.abs(clock.now() - ANCHOR_MS)).toBeLessThan(5_000);
  });
});
