// `npm run acceptance`: reads acceptance-test-config.yml, starts the simulator in-process, gives every
// config_path under secrets/ the simulator's config (written to a temporary folder, never to secrets/, which
// holds the user's own keys), runs every suite's checks against the connector as a child process, prints one
// line per check and `N passed, N failed`.
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_CONFIG_PATH,
  loadCatConfig,
  resolvePath,
  strictnessProblems,
  SUITES,
  type CatConfig,
  type SuiteName,
  type TestEntry,
} from './cat-config.js';
import { metadataProblems } from './airbyte-definitions.js';
import { shiftedClock } from './clock.js';
import { Connector } from './connector.js';
import type { RunContext } from './context.js';
import type { Json } from './messages.js';
import { fail, formatResult, noProblems, skip, summary, type Result } from './results.js';
import { connectorConfig, startAcceptanceSimulator } from './simulator.js';
import { runBasicRead } from './suites/basic-read.js';
import { runConnection } from './suites/connection.js';
import { runDiscovery } from './suites/discovery.js';
import { runFullRefresh } from './suites/full-refresh.js';
import { runIncremental } from './suites/incremental.js';
import { runSpec } from './suites/spec.js';

type SuiteRunner = (ctx: RunContext, test: TestEntry, prefix: string) => Promise<Result[]>;

export const SUITE_RUNNERS: Record<SuiteName, SuiteRunner> = {
  spec: runSpec,
  connection: runConnection,
  discovery: runDiscovery,
  basic_read: runBasicRead,
  full_refresh: runFullRefresh,
  incremental: runIncremental,
};

const USAGE = `usage: acceptance [--config-file acceptance-test-config.yml] [--connector "node dist/main.js"]
  [--suites spec,connection,…] [--concurrency N] [--timeout-seconds N]`;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'config-file': { type: 'string', default: 'acceptance-test-config.yml' },
      connector: { type: 'string' },
      suites: { type: 'string' },
      concurrency: { type: 'string', default: String(Math.max(2, cpus().length + 1)) },
      'timeout-seconds': { type: 'string', default: '300' },
      help: { type: 'boolean', default: false },
    },
  });
  return values;
}

/**
 * Config paths under the YAML's secrets/ stand for the simulator's config: each maps to a file in the
 * connector's temporary folder, so secrets/ is only ever read by Airbyte's CAT, never written by us. Any other
 * path (integration_tests/invalid_config.json) is used as it is.
 */
function simulatorConfigs(cat: CatConfig, connector: Connector, config: Json): Map<string, string> {
  const secrets = resolve(cat.root, 'secrets') + sep;
  const tests = Object.values(cat.acceptance_tests).flatMap((s) => s?.tests ?? []);
  const paths = new Set(tests.map((t) => resolvePath(cat, t.config_path ?? DEFAULT_CONFIG_PATH)));
  return new Map(
    [...paths].filter((p) => p.startsWith(secrets)).map((p) => [p, connector.file('config', config)]),
  );
}

export async function main(argv: string[], print: (line: string) => void): Promise<number> {
  const opts = options(argv);
  if (opts.help) return (print(USAGE), 0);
  const file = resolve(opts['config-file']);
  const loaded = loadCatConfig(file);
  const results: Result[] = [
    { id: 'config/valid', ...noProblems(loaded.problems, relative(process.cwd(), file)) },
  ];
  const cat = loaded.config;
  if (cat)
    results.push(
      {
        id: 'config/strictness',
        ...noProblems(strictnessProblems(cat), `test_strictness_level ${cat.test_strictness_level}`),
      },
      existsSync(resolve(cat.root, 'metadata.yaml'))
        ? {
            id: 'metadata/valid',
            ...noProblems(metadataProblems(cat.root), "metadata.yaml against Airbyte's vendored schema"),
          }
        : { id: 'metadata/valid', ...skip('no metadata.yaml under base_path') },
    );
  results.forEach((r) => print(formatResult(r)));
  if (cat === undefined || results.some((r) => r.status === 'fail')) return finish(results, print);

  const command = opts.connector?.split(' ').filter(Boolean) ?? [
    process.execPath,
    resolve(cat.root, 'dist/main.js'),
  ];
  const env = Object.fromEntries(
    Object.entries(cat.custom_environment_variables ?? {}).map(([k, v]) => [k, String(v)]),
  );
  const clock = shiftedClock();
  const connector = new Connector({
    command,
    cwd: cat.root,
    env: { ...env, ...clock.env },
    timeoutMs: 600_000,
    concurrency: Number(opts.concurrency),
    clockOffsetMs: clock.offsetMs,
  });
  const sim = await startAcceptanceSimulator(clock.now);
  const ctx: RunContext = {
    cat,
    connector,
    defaultTimeoutMs: Number(opts['timeout-seconds']) * 1000,
    configs: simulatorConfigs(cat, connector, connectorConfig(sim, clock.now())),
  };
  try {
    const wanted = opts.suites?.split(',') ?? SUITES;
    const pending = SUITES.filter((s) => wanted.includes(s)).map((name) => runSuite(ctx, name));
    // Suites run at once (the connector caps concurrent runs); their lines print in suite order.
    for (const suite of pending) (await suite).forEach((r) => (results.push(r), print(formatResult(r))));
  } finally {
    await sim.close();
    connector.close();
  }
  return finish(results, print);
}

async function runSuite(ctx: RunContext, name: SuiteName): Promise<Result[]> {
  const suite = ctx.cat.acceptance_tests[name];
  if (suite === undefined) return [{ id: name, status: 'skip', detail: 'not configured' }];
  if (suite.bypass_reason) return [{ id: name, status: 'skip', detail: `bypassed: ${suite.bypass_reason}` }];
  const tests = suite.tests ?? [];
  const runs = tests.map(async (test, i) => {
    const prefix = tests.length > 1 ? `${name}[${i + 1}]` : name;
    try {
      return await SUITE_RUNNERS[name](ctx, test, prefix);
    } catch (error) {
      return [{ id: `${prefix}/setup`, ...fail(error instanceof Error ? error.message : String(error)) }];
    }
  });
  return (await Promise.all(runs)).flat();
}

function finish(results: readonly Result[], print: (line: string) => void): number {
  const { failed, line } = summary(results);
  print(line);
  return failed > 0 ? 1 : 0;
}
