// A demo warehouse for the dbt and report tests: the simulator (kept open, for its ground truth), the built
// connector as a child process, and the demo's DuckDB sink, all in a temp folder the caller removes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configuredCatalog, discover } from '../../src/demo/connector.js';
import { tableSpec } from '../../src/demo/ddl.js';
import { DuckDbSink } from '../../src/demo/duckdb-sink.js';
import { daysAgo, demoPaths, writeConfig, writeJson, type DemoPaths } from '../../src/demo/files.js';
import { ReadSession } from '../../src/demo/read-session.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir).map((name) => {
      const stat = statSync(join(dir, name));
      return stat.isDirectory() ? newest(join(dir, name)) : stat.mtimeMs;
    }),
  );
}

/** The connector runs from dist/: build it when it is missing or older than the sources. */
export function ensureBuilt(): void {
  const main = join(ROOT, 'dist/main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newest(join(ROOT, 'src'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

export interface Warehouse {
  sim: Simulator;
  paths: DemoPaths;
  /** First UTC day of the sync (the config's start_date). */
  startDate: string;
  close(): Promise<void>;
}

export const SMALL: SimulatorOptions = { users: 12, days: 20, logFilesPerDay: 1, eventsPerFile: 15 };

/** Syncs every stream once into `<temp>/codex.duckdb`; `config` adds keys (e.g. email_handling). */
export async function buildWarehouse(
  sizes: SimulatorOptions = SMALL,
  config: Record<string, unknown> = {},
): Promise<Warehouse> {
  const paths = demoPaths(mkdtempSync(join(tmpdir(), 'codex-warehouse-')));
  const sim = await startSimulator(sizes);
  const now = Date.now();
  await writeConfig(paths.config, sim, now);
  const { readFile } = await import('node:fs/promises');
  const written = JSON.parse(await readFile(paths.config, 'utf8')) as Record<string, unknown>;
  await writeFile(paths.config, JSON.stringify({ ...written, ...config }), { mode: 0o600 });
  const noise: string[] = [];
  const found = await discover(
    paths.config,
    () => undefined,
    (l) => noise.push(l),
  );
  if (found.streams === undefined) throw new Error(`discover failed: ${noise.join('\n')}`);
  await writeJson(paths.catalog, configuredCatalog(found.streams));
  const duckdb = await import('@duckdb/node-api');
  const sink = await DuckDbSink.open(duckdb, paths.database);
  try {
    for (const stream of found.streams) await sink.prepare(tableSpec(stream));
    const outcome = await new ReadSession(sink, (l) => noise.push(l)).run([
      'read',
      '--config',
      paths.config,
      '--catalog',
      paths.catalog,
    ]);
    await sink.flush();
    if (outcome.code !== 0) throw new Error(`read failed: ${[...outcome.errors, ...noise].join('\n')}`);
  } finally {
    sink.close();
  }
  const { rm } = await import('node:fs/promises');
  return {
    sim,
    paths,
    startDate: daysAgo(now, 29),
    close: async () => {
      await sim.close();
      await rm(paths.dir, { recursive: true, force: true });
    },
  };
}
