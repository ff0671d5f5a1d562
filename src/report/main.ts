// `npm run report`: the HTML report from a demo directory (default .demo/, as `npm run demo` leaves it).
//   node dist/report.js [--dir .demo] [--out <dir>/codex-report.html]
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { emailHandlingOf, writeReport } from './index.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { dir: { type: 'string', default: '.demo' }, out: { type: 'string' } },
  });
  const dir = resolve(values.dir ?? '.demo');
  const database = join(dir, 'codex.duckdb');
  if (!existsSync(database)) {
    console.error(
      `No database at ${database}: run \`npm run demo\` first (or pass --dir to the demo's folder).`,
    );
    return 1;
  }
  const configPath = join(dir, 'config.json');
  const config: unknown = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
  const out = resolve(values.out ?? join(dir, 'codex-report.html'));
  const result = await writeReport({ database, out, emailHandling: emailHandlingOf(config) });
  for (const warning of result.warnings) process.stdout.write(`warning: ${warning}\n`);
  process.stdout.write(`Report: ${relative(process.cwd(), result.path) || result.path}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`report failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
