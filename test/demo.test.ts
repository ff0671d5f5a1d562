// `demo` end to end: the simulator, the built connector as a child process, DuckDB — run twice in a fresh
// directory, as a user would with `npm run demo`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { runDemo } from '../src/demo/index.js';
import { queryHint } from '../src/demo/summary.js';
import { STREAMS } from '../src/streams.js';

const ROOT = new URL('..', import.meta.url).pathname;
const MAIN = join(ROOT, 'dist/main.js');
const ANALYTICS = STREAMS.filter((s) => s.family === 'analytics').map((s) => s.name);

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir).map((name) => {
      const path = join(dir, name);
      const stat = statSync(path);
      return stat.isDirectory() ? newestSource(path) : stat.mtimeMs;
    }),
  );
}

/** The demo drives dist/main.js: build it when it is missing or older than the sources. */
function ensureBuilt(): void {
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= newestSource(join(ROOT, 'src'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

interface Run {
  code: number;
  lines: string[];
}

async function demo(dir: string): Promise<Run> {
  const lines: string[] = [];
  const code = await runDemo({ dir, print: (line) => lines.push(line) });
  return { code, lines };
}

const received = (run: Run) =>
  Number(/Received ([\d,]+) records/.exec(run.lines.join('\n'))?.[1]?.replaceAll(',', '') ?? NaN);

beforeAll(ensureBuilt, 120_000);

describe('demo, run twice in a fresh directory', () => {
  let dir: string;
  let first: Run;
  let second: Run;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'codex-demo-'));
    first = await demo(dir);
    second = await demo(dir);
  }, 180_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  async function query(sql: string): Promise<Record<string, unknown>[]> {
    const instance = await DuckDBInstance.create(join(dir, 'codex.duckdb'));
    const connection = await instance.connect();
    try {
      return (await connection.runAndReadAll(sql)).getRowObjectsJson();
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }

  it('exits 0 both times', () => {
    expect({ code: first.code, errors: first.lines.filter((l) => /ERROR|failed/.test(l)) }).toEqual({
      code: 0,
      errors: [],
    });
    expect(second.code).toBe(0);
  });

  it.each(ANALYTICS)('lands %s in its own table, with rows and no duplicate primary key', async (stream) => {
    const [row] = await query(`SELECT count(*) AS n, count(DISTINCT id) AS ids FROM "${stream}"`);
    expect(Number(row?.n)).toBeGreaterThan(0);
    expect(row?.ids).toBe(row?.n);
  });

  it.each([
    ['compliance_users', 'workspace_id || id'],
    ['codex_costs', 'event_id'],
  ])(
    'lands %s (the workspace users, the organization costs) with rows and no duplicate key',
    async (stream, key) => {
      const [row] = await query(`SELECT count(*) AS n, count(DISTINCT ${key}) AS ids FROM "${stream}"`);
      expect(Number(row?.n)).toBeGreaterThan(0);
      expect(row?.ids).toBe(row?.n);
    },
  );

  it('types the columns from the schema', async () => {
    const rows = await query(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'usage'`,
    );
    const types = Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
    expect(types).toMatchObject({
      id: 'VARCHAR',
      date: 'DATE',
      start_time: 'BIGINT',
      totals: 'JSON',
      _airbyte_emitted_at: 'TIMESTAMP WITH TIME ZONE',
    });
  });

  it('reports the first run as first and the second as incremental, reading fewer records', () => {
    expect(first.lines.join('\n')).toMatch(/\(first run\)/);
    expect(second.lines.join('\n')).toMatch(/\(incremental run\)/);
    expect(received(first)).toBeGreaterThan(0);
    expect(received(second)).toBeLessThan(received(first));
  });

  it('saves one state per stream for the next run', () => {
    const states = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as {
      stream: { stream_descriptor: { name: string } };
    }[];
    expect(states.map((s) => s.stream.stream_descriptor.name).sort()).toEqual(
      expect.arrayContaining([...ANALYTICS].sort()),
    );
  });

  it('lists the top five users by credits', () => {
    const start = second.lines.findIndex((l) => l.startsWith('Top 5 users by Codex credits'));
    const users = second.lines.slice(start + 1, start + 6);
    expect(start).toBeGreaterThan(-1);
    expect(users.map((l) => /^\s+\d\. \S+\s+[\d.]+ credits$/.test(l))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('ends with the path of the HTML report built from the dbt marts', () => {
    for (const run of [first, second]) {
      const last = run.lines.at(-1) ?? '';
      expect(last).toMatch(/^Report \(5 charts, from the dbt marts in dbt\/\): \S*codex-report\.html$/);
    }
    expect(readFileSync(join(dir, 'codex-report.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('keeps the config private and never prints a key', () => {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, string>;
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    const output = [...first.lines, ...second.lines].join('\n');
    for (const key of ['analytics_api_key', 'compliance_api_key', 'admin_api_key']) {
      expect(config[key]?.length).toBeGreaterThan(8);
      expect(output).not.toContain(config[key]);
    }
  });

  it('ends with a query command that works here: npm run query (the DuckDB Node API), no duckdb CLI', () => {
    const hint = second.lines.find((l) => l.startsWith('Query it: ')) ?? '';
    const command = /^Query it: npm run query -- (.*)$/.exec(hint)?.[1] ?? '';
    // The arguments as a shell splits them: words, and double-quoted strings.
    const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
    expect(args.slice(0, 2)).toEqual(['--db', join(dir, 'codex.duckdb')]);
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/query.mjs'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const [header, , ...rows] = out.trimEnd().split('\n');
    expect(header?.split(/\s+/)).toEqual(expect.arrayContaining(['id', 'date', 'user_id']));
    expect(rows.at(-1)).toBe('(5 rows)');
  });
});

describe('the demo query hint', () => {
  it('given the default .demo folder, names no --db; elsewhere it names the database by absolute path', () => {
    expect(queryHint(join(ROOT, '.demo/codex.duckdb'), ['usage'], ROOT).at(-1)).toBe(
      'Query it: npm run query -- "select * from usage limit 5"',
    );
    expect(queryHint('/data/my dir/codex.duckdb', ['usage'], ROOT).at(-1)).toBe(
      `Query it: npm run query -- --db '/data/my dir/codex.duckdb' "select * from usage limit 5"`,
    );
  });
});

describe('demo, when a stream fails', () => {
  it('given code_reviews answers 401, then it exits 1, shows the error and still saves the other states', async () => {
    const failing = mkdtempSync(join(tmpdir(), 'codex-demo-fail-'));
    try {
      const lines: string[] = [];
      const faults = [{ kind: 'status' as const, route: 'code_reviews', status: 401, times: Infinity }];
      const code = await runDemo({ dir: failing, print: (l) => lines.push(l), simulator: { faults } });
      const states = JSON.parse(readFileSync(join(failing, 'state.json'), 'utf8')) as {
        stream: { stream_descriptor: { name: string } };
      }[];
      expect(code).toBe(1);
      expect(lines.some((l) => /ERROR .*code_reviews/.test(l))).toBe(true);
      expect(states.map((s) => s.stream.stream_descriptor.name)).toContain('usage');
    } finally {
      rmSync(failing, { recursive: true, force: true });
    }
  }, 60_000);
});
