// `npm run bench`: every scenario against the simulator in its own process, medians of several runs, the
// targets of issue 7 with pass or miss, into bench/results.json (full scale) and a table on stdout.
//   BENCH_SCALE=small npm run bench          a smoke run of a minute or two, into bench/out/
//   npm run bench -- --only logs,latency     some scenarios (analytics, largestpage, admin, logs, latency, budget,
//                                            ratelimited, startup),
//                                            replacing just those in the results file
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBench } from './context.js';
import type { ScenarioResult, Target } from './result.js';
import type { Bench } from './runs.js';
import { scaleFrom, type Scale } from './scale.js';
import { adminScenario } from './scenarios/admin.js';
import { analyticsScenario } from './scenarios/analytics.js';
import { budgetScenario } from './scenarios/budget.js';
import { largestPageScenario } from './scenarios/largest-page.js';
import { latencyScenario } from './scenarios/latency.js';
import { logsScenario } from './scenarios/logs.js';
import { ratelimitedScenario } from './scenarios/ratelimited.js';
import { startupScenario } from './scenarios/startup.js';
import { load, machine } from './stats.js';

type Scenario = (bench: Bench, scale: Scale) => Promise<ScenarioResult | null>;

const SCENARIOS: Record<string, Scenario> = {
  startup: startupScenario,
  analytics: analyticsScenario,
  largestpage: largestPageScenario,
  admin: adminScenario,
  logs: logsScenario,
  latency: latencyScenario,
  budget: budgetScenario,
  ratelimited: ratelimitedScenario,
};

function pick(only: string | undefined): string[] {
  if (only === undefined) return Object.keys(SCENARIOS);
  const names = only.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(n in SCENARIOS));
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  return names;
}

function readPrevious(path: string, scale: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  const previous = JSON.parse(readFileSync(path, 'utf8')) as {
    scale?: string;
    scenarios?: Record<string, unknown>;
  };
  return previous.scale === scale ? (previous.scenarios ?? {}) : {};
}

function line(t: Target): string {
  const measured = typeof t.measured === 'number' ? String(t.measured) : JSON.stringify(t.measured);
  return `${t.pass ? 'MET   ' : 'MISSED'} ${t.id.padEnd(44)} ${measured.slice(0, 60).padEnd(60)} ${t.threshold}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const scale = scaleFrom(process.env.BENCH_SCALE);
  const root = resolve('.');
  const bench = createBench(root);
  const started = new Date();
  const loadBefore = load();
  const sections: Record<string, unknown> = {};
  try {
    for (const name of pick(values.only)) {
      const t0 = Date.now();
      process.stderr.write(`bench: ${name}…\n`);
      const result = await SCENARIOS[name]!(bench, scale);
      if (result === null) continue;
      sections[result.name] = {
        ...result.section,
        targets: result.targets,
        scenario_seconds: (Date.now() - t0) / 1000,
      };
      for (const t of result.targets) process.stderr.write(`  ${line(t)}\n`);
    }
  } finally {
    rmSync(bench.dir, { recursive: true, force: true });
  }
  const run = {
    generated_at: started.toISOString(),
    machine: machine(root),
    load_average: { before: loadBefore, after: load() },
    // Each section says how many runs its medians are of (BENCH_RUNS can lower it for one scenario).
    runs_per_measurement: scale.runs,
  };
  const out =
    scale.name === 'full'
      ? join(root, 'bench/results.json')
      : join(root, `bench/out/results-${scale.name}.json`);
  // A run of some scenarios (--only) replaces just those in the results file, each section keeping its run.
  const previous = values.only !== undefined ? readPrevious(out, scale.name) : {};
  const scenarios = {
    ...previous,
    ...Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, { ...(v as object), run }])),
  };
  const all = Object.values(scenarios).flatMap((s) => (s as { targets?: Target[] }).targets ?? []);
  const results = {
    scale: scale.name,
    runs_per_measurement: scale.runs,
    note: "Medians of the runs; ratios are connector ÷ baseline of the medians (throughput: baseline wall ÷ connector wall). Each section's run.runs_per_measurement says how many runs it had (3 unless stated).",
    summary: `${all.filter((t) => t.pass).length} of ${all.length} targets met`,
    targets: all,
    scenarios,
  };
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${results.summary} (scale ${scale.name}); results in ${out}`);
  for (const t of all) console.log(line(t));
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
