// full_refresh: two reads of every stream in full_refresh mode; every emitted_at of the second read is later
// than every emitted_at of the first.
import type { TestEntry } from '../cat-config.js';
import { fromDiscovered, fromFile, fullRefreshOnly } from '../catalog.js';
import { readProblems, type RunResult } from '../connector.js';
import { catalogStreams, configPathOf, discover, timeoutOf, type RunContext } from '../context.js';
import { resolvePath } from '../cat-config.js';
import { recordsOf } from '../messages.js';
import { fail, noProblems, pass, runChecks, type Check, type Result } from '../results.js';

interface FullRefreshInput {
  first: RunResult;
  second: RunResult;
}

export const FULL_REFRESH_CHECKS: Check<FullRefreshInput>[] = [
  { name: 'reads_succeed', run: (i) => noProblems([...readProblems(i.first), ...readProblems(i.second)]) },
  {
    name: 'emitted_at_increases',
    run: (i) => {
      const first = recordsOf(i.first.messages).map((r) => r.emitted_at);
      const second = recordsOf(i.second.messages).map((r) => r.emitted_at);
      if (first.length === 0) return fail('the first read gave no records');
      if (second.length === 0) return fail('the second read gave no records');
      const [max, min] = [Math.max(...first), Math.min(...second)];
      return max < min
        ? pass(`${first.length} then ${second.length} records`)
        : fail(`first read's latest ${max} ≥ second read's earliest ${min}`);
    },
  },
];

export async function runFullRefresh(ctx: RunContext, test: TestEntry, prefix: string): Promise<Result[]> {
  const discovered = catalogStreams(await discover(ctx, test));
  const base = test.configured_catalog_path
    ? fromFile(resolvePath(ctx.cat, test.configured_catalog_path), discovered)
    : fromDiscovered(discovered);
  const catalog = fullRefreshOnly(base);
  const config = configPathOf(ctx, test);
  const first = await ctx.connector.read(config, catalog, undefined, timeoutOf(ctx, test));
  // CAT sleeps 0.1 s so the two reads cannot share a millisecond.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const second = await ctx.connector.read(config, catalog, undefined, timeoutOf(ctx, test));
  return runChecks(prefix, FULL_REFRESH_CHECKS, { first, second });
}
