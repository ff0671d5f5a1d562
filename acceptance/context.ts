// What every suite gets: the parsed YAML, the connector runner, and discover memoised per config file
// (CAT caches the discovered catalog the same way).
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH, resolvePath, type CatConfig, type TestEntry } from './cat-config.js';
import type { Connector, RunResult } from './connector.js';
import { ofType, type AirbyteStream } from './messages.js';
import { protocolProblems } from './protocol.js';
import { noProblems, type Check, type Outcome } from './results.js';

export interface RunContext {
  cat: CatConfig;
  connector: Connector;
  /** Per-run limit when a test sets no timeout_seconds. */
  defaultTimeoutMs: number;
  /** A YAML config_path (resolved) → the file the connector really gets (the simulator's config). */
  configs?: ReadonlyMap<string, string>;
}

export function configPathOf(ctx: RunContext, test: TestEntry): string {
  const path = resolvePath(ctx.cat, test.config_path ?? DEFAULT_CONFIG_PATH);
  return ctx.configs?.get(path) ?? path;
}

export const timeoutOf = (ctx: RunContext, test: TestEntry): number =>
  test.timeout_seconds !== undefined ? test.timeout_seconds * 1000 : ctx.defaultTimeoutMs;

const discovered = new WeakMap<RunContext, Map<string, Promise<RunResult>>>();

export function discover(ctx: RunContext, test: TestEntry): Promise<RunResult> {
  let cache = discovered.get(ctx);
  if (cache === undefined) discovered.set(ctx, (cache = new Map()));
  const path = resolve(configPathOf(ctx, test));
  let run = cache.get(path);
  if (run === undefined) cache.set(path, (run = ctx.connector.discover(path, timeoutOf(ctx, test))));
  return run;
}

export function catalogStreams(run: RunResult): AirbyteStream[] {
  return ofType(run.messages, 'CATALOG').at(0)?.catalog?.streams ?? [];
}

/** The shared check: every stdout line of a run is a valid Airbyte message. */
export function protocolCheck<T>(ctx: RunContext, runOf: (input: T) => RunResult): Check<T> {
  return {
    name: 'only_protocol_messages',
    run: (input): Outcome => {
      const run = runOf(input);
      return noProblems(protocolProblems(ctx.cat.root, run), `${run.messages.length} messages`);
    },
  };
}
