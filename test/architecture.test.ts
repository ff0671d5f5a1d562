// Keeps the import arrows of STYLE.md pointing one way:
// main → protocol → engine, main → api → engine; the simulator is a separate program.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a file, as a path relative to src/ ('engine/errors.ts'), plus bare packages. */
function imports(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const local = specs
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts'));
  const packages = specs.filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
  return { local, packages };
}

const layer = (path: string) => path.split('/')[0] ?? '';
const ALL = files(SRC).map((f) => ({ path: relative(SRC, f), ...imports(f) }));

// Which top-level areas each area may import. Files directly under src/ are named without '.ts'.
const ALLOWED: Record<string, string[]> = {
  engine: ['engine'],
  config: ['config', 'engine'],
  transform: ['transform'],
  shapes: ['shapes', 'engine'],
  // Of config, only the family table (api/families.ts) reads it, into the client's own settings.
  api: ['api', 'engine', 'config', 'stream-def.ts'],
  // The Airbyte and Singer sides share the stdout writer (output/) and the read loop (run/); neither imports
  // the other, and both get the stream opener from the wiring (commands.ts, tap.ts), never api/.
  protocol: [
    'protocol',
    'engine',
    'config',
    'stream-def.ts',
    'package-root.ts',
    'output',
    'run',
    'stream-schemas.ts',
  ],
  singer: ['singer', 'engine', 'config', 'stream-def.ts', 'output', 'run', 'stream-schemas.ts'],
  output: ['output', 'engine'],
  run: ['run', 'engine', 'stream-def.ts'],
  'stream-schemas.ts': ['package-root.ts'],
  simulator: ['simulator'],
  demo: ['demo', 'simulator', 'package-root.ts', 'report'],
  // The dbt runner and the HTML report: DuckDB and the marts only, never the connector's internals.
  report: ['report', 'package-root.ts'],
  'package-root.ts': [],
  'cli.ts': ['engine'],
  generated: ['generated'],
  'stream-def.ts': ['engine'],
  'streams.ts': ['streams', 'stream-def.ts'],
  streams: ['streams', 'shapes', 'stream-def.ts', 'engine', 'page-limits.ts'],
  'page-limits.ts': [],
  plans: ['plans', 'api', 'engine', 'config', 'stream-def.ts', 'page-limits.ts'],
  // The Compliance log-file pipeline, a room of its own: listing, download, line splitting, ordered prefetch,
  // merge, dedupe and its planners. It builds on the engine, the API client and the planner context; nothing
  // but the wiring (sources.ts) and the entry point's shutdown hook reach into it.
  logs: ['logs', 'engine', 'api', 'stream-def.ts', 'plans', 'page-limits.ts'],
};

describe('architecture', () => {
  it('finds the source files (the test is not vacuous)', () => {
    expect(ALL.length).toBeGreaterThan(20);
    expect(ALL.some((f) => f.path.startsWith('engine/') && f.local.length > 0)).toBe(true);
  });

  it.each(Object.keys(ALLOWED))('%s imports only what the layering allows', (area) => {
    const offending = ALL.filter((f) => layer(f.path) === area).flatMap((f) =>
      f.local
        .filter((target) => !(ALLOWED[area] ?? []).includes(layer(target)))
        .map((t) => `${f.path} → ${t}`),
    );
    expect(offending).toEqual([]);
  });

  it('the environment is read once, by run-env.ts for the entry points (the simulator, a program of its own, aside)', () => {
    const readers = ALL.filter((f) => !f.path.startsWith('simulator/'))
      .filter((f) => /process\.env\b/.test(readFileSync(join(SRC, f.path), 'utf8')))
      .map((f) => f.path);
    expect(readers).toEqual(['run-env.ts']);
  });

  it('nothing but main.ts and the demo imports the simulator', () => {
    const offending = ALL.filter(
      (f) => !['main.ts', 'demo'].includes(layer(f.path)) && layer(f.path) !== 'simulator',
    )
      .filter((f) => f.local.some((t) => layer(t) === 'simulator'))
      .map((f) => f.path);
    expect(offending).toEqual([]);
  });

  it('HTTP (undici) is used only by the api layer, the demo and the simulator', () => {
    const offending = ALL.filter(
      (f) => f.packages.includes('undici') && !['api', 'simulator', 'demo'].includes(layer(f.path)),
    );
    expect(offending.map((f) => f.path)).toEqual([]);
  });

  it('the Singer side and the Airbyte side never import each other; both write through output/ and read through run/', () => {
    const across = ALL.filter(
      (f) =>
        (layer(f.path) === 'singer' && f.local.some((t) => layer(t) === 'protocol')) ||
        (layer(f.path) === 'protocol' && f.local.some((t) => layer(t) === 'singer')),
    ).map((f) => f.path);
    expect(ALL.some((f) => layer(f.path) === 'singer')).toBe(true);
    expect(across).toEqual([]);
    for (const side of ['singer', 'protocol'])
      for (const room of ['output', 'run'])
        expect(
          ALL.some((f) => layer(f.path) === side && f.local.some((t) => layer(t) === room)),
          `${side} → ${room}`,
        ).toBe(true);
  });

  it('the demo drives the connector as a program, never through its internals', () => {
    const internals = ['api', 'engine', 'protocol', 'sources.ts', 'commands.ts'];
    const offending = ALL.filter((f) => layer(f.path) === 'demo').flatMap((f) =>
      f.local.filter((t) => internals.includes(layer(t))),
    );
    expect(offending).toEqual([]);
  });

  it('the engine holds only what every family shares: each engine file is used outside the log pipeline', () => {
    // Engine files reachable from any non-engine, non-logs file, following engine → engine imports.
    const byPath = new Map(ALL.map((f) => [f.path, f]));
    const seen = new Set<string>();
    const queue = ALL.filter((f) => !['engine', 'logs'].includes(layer(f.path))).flatMap((f) =>
      f.local.filter((t) => layer(t) === 'engine'),
    );
    while (queue.length > 0) {
      const next = queue.pop() ?? '';
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(byPath.get(next)?.local.filter((t) => layer(t) === 'engine') ?? []));
    }
    const engine = ALL.filter((f) => layer(f.path) === 'engine').map((f) => f.path);
    expect(engine.length).toBeGreaterThan(5);
    expect(engine.filter((p) => !seen.has(p))).toEqual([]);
  });

  it('config reaches the planners directly: in api/ only the family table reads it, and logs/ never imports it', () => {
    const readers = ALL.filter((f) => ['api', 'logs'].includes(layer(f.path)))
      .filter((f) => f.local.some((t) => layer(t) === 'config'))
      .map((f) => f.path);
    expect(readers).toEqual(['api/families.ts']);
  });
});
