// Analytics: 90 days of per-user usage read by the connector and by the baseline (the same pages with undici,
// one line per row to /dev/null). The four streams with one record per API row are compared head to head;
// a second read of all six streams checks request economy (usage_by_client and usage_by_model re-read /usage).
import { firstDay, simConfig } from '../context.js';
import { alternate } from '../compare.js';
import { ANALYTICS_JOB_OF, analyticsJobs } from '../jobs.js';
import { pagingTarget, requestsPerStream } from '../requests.js';
import { mustSucceed, type ScenarioResult, type Target } from '../result.js';
import { baselineRun, connectorRead, errorsOf, type Bench } from '../runs.js';
import type { Scale } from '../scale.js';
import { SimProcess } from '../sim-process.js';

const HEAD_TO_HEAD = ['usage', 'workspace_usage', 'code_reviews', 'code_review_responses'];
const ALL = ['usage', 'usage_by_client', 'usage_by_model', ...HEAD_TO_HEAD.slice(1)];

export async function analyticsScenario(bench: Bench, scale: Scale): Promise<ScenarioResult> {
  const { users, days, pageSize } = scale.analytics;
  const sim = await SimProcess.start({ seed: 7, workspaces: 1, users, days, rateLimitPerMinute: 1_000_000 });
  try {
    const { info } = sim;
    // The budget is lifted (simConfig): this measures throughput; the budget has its own scenario.
    const config = simConfig(info, 'analytics', { start_date: firstDay(90), page_size: pageSize });
    const jobs = analyticsJobs(info, pageSize);
    const spec = {
      kind: 'pages' as const,
      auth: info.keys.analytics,
      jobs: HEAD_TO_HEAD.map((s) => jobs[s]!),
    };
    await baselineRun(bench, sim, spec); // warm-up: the simulator builds and caches its data
    const { compared, last } = await alternate(
      scale.runs,
      () => connectorRead(bench, sim, config, HEAD_TO_HEAD),
      () => baselineRun(bench, sim, spec),
      (run) => mustSucceed('analytics', errorsOf(run)),
    );
    const units = Object.fromEntries(last.baseline.report.jobs.map((j) => [j.name, j.units]));
    const use = await requestsPerStream(bench, sim, config, ALL);
    const targets: Target[] = [
      {
        id: 'throughput:analytics',
        description: 'analytics rows: connector throughput ≥ 70% of the baseline (median wall time)',
        pass: compared.ratio.throughput >= 0.7,
        measured: compared.ratio.throughput,
        threshold: '≥ 0.7',
      },
      ...ALL.map((s) => pagingTarget(s, use[s], units[ANALYTICS_JOB_OF[s] ?? s] ?? 0, pageSize)),
    ];
    const section = {
      data: { users, days, page_size: pageSize, api_rows: units },
      head_to_head: { streams: HEAD_TO_HEAD, ...compared },
      per_stream: use,
    };
    return { name: 'analytics', section, targets };
  } finally {
    await sim.close();
  }
}
