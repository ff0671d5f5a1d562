// npm run query -- "<sql>"  [--db <path>]: runs one SQL statement on the demo's DuckDB file (default
// .demo/codex.duckdb, where `npm run demo` writes) with the DuckDB Node API the demo already installed, and
// prints the rows as an aligned table. Read-only, so it never changes the demo's data. No DuckDB CLI needed.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { db: { type: 'string', default: '.demo/codex.duckdb' } },
  allowPositionals: true,
});
const sql = positionals.join(' ').trim();
if (sql === '') {
  process.stderr.write('usage: npm run query -- "select * from usage limit 5" [--db .demo/codex.duckdb]\n');
  process.exit(2);
}

let duckdb;
try {
  duckdb = await import('@duckdb/node-api');
} catch (error) {
  process.stderr.write(
    `query needs @duckdb/node-api (installed by npm ci unless optional deps are omitted): ${error.message}\n`,
  );
  process.exit(1);
}

const file = resolve(process.env.INIT_CWD ?? process.cwd(), values.db);
try {
  const instance = await duckdb.DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(sql);
  print(reader.columnNames(), reader.getRowsJson());
  connection.closeSync();
  instance.closeSync();
} catch (error) {
  process.stderr.write(
    `query failed on ${file}: ${error.message}\n(run \`npm run demo\` first to create it)\n`,
  );
  process.exit(1);
}

function print(columns, rows) {
  const cell = (v) => (v === null ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const text = rows.map((row) => row.map(cell));
  const widths = columns.map((c, i) => Math.min(40, Math.max(c.length, ...text.map((r) => r[i].length))));
  const line = (cells) =>
    cells
      .map((c, i) => (c.length > 40 ? `${c.slice(0, 39)}…` : c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(
    `${[line(columns), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n')}\n`,
  );
  process.stdout.write(`(${rows.length} row${rows.length === 1 ? '' : 's'})\n`);
}
