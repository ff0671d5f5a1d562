// Compliance log events at growing data sizes: peak RSS must stay flat (files are streamed to disk while
// hashed, then read line by line) and, on the largest size, throughput must reach 70% of the baseline, which
// downloads the same files with sha256 verification and writes their bytes to /dev/null without parsing.
import { alternate, type Compared } from '../compare.js';
import { logsBaseline, simConfig } from '../context.js';
import { mustSucceed, type ScenarioResult, type Target } from '../result.js';
import { baselineRun, connectorRead, errorsOf, type Bench } from '../runs.js';
import type { Scale } from '../scale.js';
import { SimProcess } from '../sim-process.js';
import { round } from '../stats.js';

const EVENT_TYPES = ['CODEX_LOG', 'CODEX_SECURITY_LOG'];
/** An event's JSON without padding, roughly (the simulator adds `eventPaddingBytes` of text to each). */
const EVENT_BASE_BYTES = 900;
const RSS_LIMIT_MB = 200;
/** Largest ÷ smallest-but-one peak RSS: flat, with room for allocator noise (issue 13 asks 1.15). */
const FLAT_RATIO = 1.15;

interface SizeRun {
  target_mb: number;
  files: number;
  events_per_file: number;
  bytes_in_mb: number;
  compared: Compared;
}

async function runSize(bench: Bench, scale: Scale, totalMb: number): Promise<SizeRun> {
  const { logFilesPerDay, eventPaddingBytes } = scale.logs;
  const files = EVENT_TYPES.length * 30 * logFilesPerDay;
  const eventsPerFile = Math.max(
    1,
    Math.round((totalMb * 1e6) / files / (eventPaddingBytes + EVENT_BASE_BYTES)),
  );
  const sim = await SimProcess.start({
    seed: 3,
    workspaces: 1,
    logFilesPerDay,
    eventsPerFile,
    eventPaddingBytes,
    rateLimitPerMinute: 1_000_000,
  });
  try {
    const { info } = sim;
    // The budget is lifted so that throughput, not the download budget, is measured (it has its own scenario).
    const config = simConfig(info, 'compliance');
    const spec = logsBaseline(info, EVENT_TYPES, 4);
    const warm = await baselineRun(bench, sim, spec); // the simulator renders and hashes every file once
    const { compared } = await alternate(
      scale.runs,
      () => connectorRead(bench, sim, config, ['compliance_logs']),
      () => baselineRun(bench, sim, spec),
      (run) => {
        mustSucceed(`compliance_logs at ${totalMb} MB`, errorsOf(run));
        if (run.metrics.records === 0 || run.metrics.records > warm.report.rows) {
          throw new Error(
            `compliance_logs at ${totalMb} MB: ${run.metrics.records} records of ${warm.report.rows} lines`,
          );
        }
      },
    );
    return {
      target_mb: totalMb,
      files: warm.report.files ?? 0,
      events_per_file: eventsPerFile,
      bytes_in_mb: round(warm.report.bytesIn / 1e6, 1),
      compared,
    };
  } finally {
    await sim.close();
  }
}

export async function logsScenario(bench: Bench, scale: Scale): Promise<ScenarioResult> {
  const sizes: SizeRun[] = [];
  for (const mb of scale.logs.totalsMb) sizes.push(await runSize(bench, scale, mb));
  const rss = (s: SizeRun | undefined) => s?.compared.connector.median.maxRssMb ?? NaN;
  const largest = sizes.at(-1);
  // The reference is the first size at least a tenth of the largest (200 MB next to 2 GB).
  const reference = sizes.find((s) => s.target_mb * 10 >= (largest?.target_mb ?? 0));
  const flat = round(rss(largest) / rss(reference));
  const targets: Target[] = [
    ...sizes.map((s) => ({
      id: `rss:compliance_logs:${s.target_mb}MB`,
      description: `compliance_logs over ${s.bytes_in_mb} MB of log files: peak RSS under ${RSS_LIMIT_MB} MB`,
      pass: rss(s) < RSS_LIMIT_MB,
      measured: rss(s),
      threshold: `< ${RSS_LIMIT_MB} MB`,
    })),
    {
      id: 'rss:compliance_logs:flat',
      description: `peak RSS at ${largest?.bytes_in_mb} MB ÷ at ${reference?.bytes_in_mb} MB: memory does not grow with data`,
      pass: flat <= FLAT_RATIO,
      measured: flat,
      threshold: `≤ ${FLAT_RATIO}`,
    },
    {
      id: 'throughput:compliance_logs',
      description: `compliance events at ${largest?.bytes_in_mb} MB, sha256 verified: ≥ 70% of the baseline`,
      pass: (largest?.compared.ratio.throughput ?? 0) >= 0.7,
      measured: largest?.compared.ratio.throughput,
      threshold: '≥ 0.7',
    },
  ];
  return {
    name: 'compliance_logs',
    section: { padding_bytes: scale.logs.eventPaddingBytes, sizes },
    targets,
  };
}
