// A baseline process: `node baseline.js <spec.json>`. Does the least work possible for the same data the
// connector reads (see baseline-pages.ts, baseline-logs.ts) and prints one JSON report line on stdout.
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import { runLogs } from './baseline-logs.js';
import { runPages } from './baseline-pages.js';
import { NullSink } from './baseline-sink.js';
import type { BaselineReport, BaselineSpec } from './baseline-types.js';

const specPath = process.argv[2];
if (specPath === undefined) throw new Error('usage: baseline.js <spec.json>');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as BaselineSpec;

// The connector's pool settings (src/api/http.ts): keep-alive, up to 16 connections per origin.
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });
const sink = new NullSink();
let report: BaselineReport;
try {
  report =
    spec.kind === 'pages'
      ? await runPages(agent, spec.auth, spec.jobs, sink)
      : await runLogs(agent, spec, sink);
} finally {
  sink.close();
  await agent.close();
}
report.bytesOut = sink.bytes;
process.stdout.write(`${JSON.stringify(report)}\n`);
