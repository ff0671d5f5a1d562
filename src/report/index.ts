// The report: builds the dbt marts in a DuckDB file landed by the connector (the demo's, by default),
// reads them, and writes one self-contained HTML file. Emails show only where the connector kept them.
import { writeFile } from 'node:fs/promises';
import { renderCharts } from './charts.js';
import { buildModels, DEMO_VARS } from './dbt-run.js';
import { reportHtml } from './html.js';
import { readMarts, type EmailHandling } from './marts.js';

export type { EmailHandling } from './marts.js';

export interface ReportOptions {
  /** The DuckDB file the connector's streams landed in. */
  database: string;
  /** Where the HTML goes. */
  out: string;
  /** The connector config's `email_handling`: anything but `keep` keeps every email out of the report. */
  emailHandling: EmailHandling;
  /** dbt vars; default: the demo's (`_airbyte_emitted_at` as the landing time column). */
  vars?: Record<string, unknown>;
}

export interface ReportResult {
  path: string;
  charts: string[];
  warnings: string[];
}

export async function writeReport(opts: ReportOptions): Promise<ReportResult> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(opts.database);
  const connection = await instance.connect();
  try {
    const built = await buildModels(connection, { vars: opts.vars ?? DEMO_VARS });
    const data = await readMarts(connection, opts.emailHandling);
    const charts = await renderCharts(data);
    await writeFile(opts.out, reportHtml(data, charts, new Date()));
    return {
      path: opts.out,
      charts: charts.filter((c) => c.svg !== null).map((c) => c.id),
      warnings: built.warnings,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** `email_handling` of a connector config object; `keep` when absent, as the connector defaults. */
export function emailHandlingOf(config: unknown): EmailHandling {
  const value = (config as { email_handling?: unknown } | null)?.email_handling;
  if (value === undefined || value === null) return 'keep';
  if (value === 'keep' || value === 'hash' || value === 'drop') return value;
  throw new Error(`email_handling in the config is ${JSON.stringify(value)}; expected keep, hash or drop.`);
}
