// The demo's last step: the HTML report from the dbt marts, built in the demo's database once the sync is in.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoPaths } from './files.js';
import { displayPath } from './summary.js';

export async function reportStep(paths: DemoPaths, print: (line: string) => void): Promise<number> {
  try {
    // Loaded on demand: the charting and templating code is a chunk of its own, not part of every command.
    const { emailHandlingOf, writeReport } = await import('../report/index.js');
    const config: unknown = JSON.parse(await readFile(paths.config, 'utf8'));
    const result = await writeReport({
      database: paths.database,
      out: join(paths.dir, 'codex-report.html'),
      emailHandling: emailHandlingOf(config),
    });
    print('');
    for (const warning of result.warnings) print(`  warning: ${warning}`);
    print(`Report (${result.charts.length} charts, from the dbt marts in dbt/): ${displayPath(result.path)}`);
    return 0;
  } catch (error) {
    print(`The report could not be built: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
