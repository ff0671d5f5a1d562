// Alternating connector and baseline runs (so drift in machine load hits both alike), then medians and the
// connector/baseline ratios of a scenario.
import type { BaselineRun, ConnectorRun, RunMetrics } from './runs.js';
import { medians, round } from './stats.js';

export interface Compared {
  connector: { median: Record<string, number>; runs: RunMetrics[] };
  baseline: { median: Record<string, number>; runs: RunMetrics[] };
  /** connector ÷ baseline of the medians; `throughput` is records/s (the same data, so baseline wall ÷ connector wall). */
  ratio: { throughput: number; cpu: number; maxRss: number; requests: number };
}

export async function alternate(
  runs: number,
  connector: () => Promise<ConnectorRun>,
  baseline: () => Promise<BaselineRun>,
  check: (run: ConnectorRun) => void,
): Promise<{ compared: Compared; last: { connector: ConnectorRun; baseline: BaselineRun } }> {
  const c: ConnectorRun[] = [];
  const b: BaselineRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await connector();
    check(run);
    c.push(run);
    b.push(await baseline());
  }
  const cm = medians(c.map((r) => r.metrics));
  const bm = medians(b.map((r) => r.metrics));
  const ratio = (x: string, y = x) => round((cm[x] ?? NaN) / (bm[y] ?? NaN));
  return {
    compared: {
      connector: { median: cm, runs: c.map((r) => r.metrics) },
      baseline: { median: bm, runs: b.map((r) => r.metrics) },
      ratio: {
        throughput: round((bm.wallS ?? NaN) / (cm.wallS ?? NaN)),
        cpu: ratio('cpuS'),
        maxRss: ratio('maxRssMb'),
        requests: ratio('requests'),
      },
    },
    last: { connector: c.at(-1)!, baseline: b.at(-1)! },
  };
}
