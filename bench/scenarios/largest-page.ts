// Memory at the largest page (issue 13): /usage at the default page_size, 30,000 rows a page (about 35 MB of
// JSON), read for `usage` alone and for the three streams cut from it on one shared read. Peak RSS of each,
// medians of `runs`; the shared read should cost little more memory than one stream.
import { firstDay, simConfig } from '../context.js';
import { mustSucceed, type ScenarioResult, type Target } from '../result.js';
import { connectorRead, errorsOf, type Bench, type RunMetrics } from '../runs.js';
import type { Scale } from '../scale.js';
import { SimProcess } from '../sim-process.js';
import { median, round } from '../stats.js';

const SHARED = ['usage', 'usage_by_client', 'usage_by_model'];
/** A container of 512 MB should hold a sync at the largest page. */
const RSS_LIMIT_MB = 512;
/** Three streams on one read: at most half again the memory of one. */
const SHARED_RATIO = 1.5;

export async function largestPageScenario(bench: Bench, scale: Scale): Promise<ScenarioResult> {
  const { users, days } = scale.analytics;
  const sim = await SimProcess.start({ seed: 7, workspaces: 1, users, days, rateLimitPerMinute: 1_000_000 });
  try {
    // No page_size: the default, the largest page the API serves.
    const config = simConfig(sim.info, 'analytics', { start_date: firstDay(90) });
    const measure = async (streams: string[]) => {
      const runs: RunMetrics[] = [];
      for (let i = 0; i < scale.runs; i++) {
        const run = await connectorRead(bench, sim, config, streams);
        mustSucceed(`largest page: ${streams.join(', ')}`, errorsOf(run));
        runs.push(run.metrics);
      }
      return {
        streams,
        requests: runs[0]?.requests ?? 0,
        records: runs[0]?.records ?? 0,
        max_rss_mb: round(median(runs.map((r) => r.maxRssMb)), 1),
        wall_s: round(median(runs.map((r) => r.wallS)), 2),
        cpu_s: round(median(runs.map((r) => r.cpuS)), 2),
        runs: runs.map((r) => ({ max_rss_mb: round(r.maxRssMb, 1), wall_s: round(r.wallS, 2) })),
      };
    };
    const alone = await measure(['usage']);
    const shared = await measure(SHARED);
    const ratio = round(shared.max_rss_mb / alone.max_rss_mb, 2);
    const targets: Target[] = [
      {
        id: 'rss:usage:largest_page',
        description: `${SHARED.join(' + ')} at 30,000 rows a page (${users} users × ${days} days): peak RSS under ${RSS_LIMIT_MB} MB`,
        pass: shared.max_rss_mb < RSS_LIMIT_MB,
        measured: shared.max_rss_mb,
        threshold: `< ${RSS_LIMIT_MB} MB`,
      },
      {
        id: 'rss:usage:shared_vs_alone',
        description: 'peak RSS of the three streams on one read ÷ of usage alone',
        pass: ratio <= SHARED_RATIO,
        measured: ratio,
        threshold: `≤ ${SHARED_RATIO}`,
      },
    ];
    return { name: 'largest_page', section: { data: { users, days }, alone, shared }, targets };
  } finally {
    await sim.close();
  }
}
