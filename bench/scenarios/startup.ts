// `spec` and `discover` answer before Airbyte's UI notices: a whole process, start to exit, under 300 ms.
import { median, round } from '../stats.js';
import { writeJson, type Bench } from '../runs.js';
import type { ScenarioResult, Target } from '../result.js';
import type { Scale } from '../scale.js';
import { runTimed } from '../timed.js';

const LIMIT_MS = 300;

export async function startupScenario(bench: Bench, scale: Scale): Promise<ScenarioResult> {
  const config = writeJson(bench, 'startup-config.json', {
    workspace_ids: ['00000000-0000-4000-8000-000000000000'],
    analytics_api_key: 'startup-only',
    compliance_api_key: 'startup-only',
    admin_api_key: 'startup-only',
  });
  const commands: Record<string, string[]> = { spec: ['spec'], discover: ['discover', '--config', config] };
  const section: Record<string, unknown> = {};
  const targets: Target[] = [];
  for (const [name, args] of Object.entries(commands)) {
    const walls: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < scale.startupRuns; i++) {
      let out = '';
      const t = await runTimed(
        bench.dir,
        process.execPath,
        [bench.main, ...args],
        (c) => (out += c.toString()),
      );
      if (t.code !== 0 || !out.startsWith('{"type":')) throw new Error(`${name} failed: ${t.stderrTail}`);
      walls.push(t.wallS * 1000);
      rss.push(t.maxRssMb);
    }
    const ms = round(median(walls), 1);
    section[name] = {
      median_ms: ms,
      min_ms: round(Math.min(...walls), 1),
      max_ms: round(Math.max(...walls), 1),
      median_rss_mb: round(median(rss), 1),
    };
    targets.push({
      id: `startup:${name}`,
      description: `\`${name}\` answers, process start to exit, in under ${LIMIT_MS} ms (median of ${scale.startupRuns})`,
      pass: ms < LIMIT_MS,
      measured: ms,
      threshold: `< ${LIMIT_MS} ms`,
    });
  }
  return { name: 'startup', section, targets };
}
