// The bench's fixed facts: where the built connector and the compiled baseline are, a scratch directory, and
// which streams are incremental (asked of the connector's own `discover`, not copied from the stream table).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BaselineSpec } from './baseline-types.js';
import type { Bench } from './runs.js';
import type { SimInfo } from './sim-types.js';
import { TIME_BIN } from './timed.js';

export function createBench(root: string): Bench {
  const main = join(root, 'dist/main.js');
  if (!existsSync(main)) throw new Error('dist/main.js is missing: run `npm run build` first');
  if (!existsSync(TIME_BIN)) {
    throw new Error(`${TIME_BIN} (GNU time) is missing: install Debian's package \`time\``);
  }
  const dir = mkdtempSync(join(tmpdir(), 'codex-bench-'));
  const config = join(dir, 'discover-config.json');
  writeFileSync(
    config,
    JSON.stringify({
      workspace_ids: ['00000000-0000-4000-8000-000000000000'],
      analytics_api_key: 'discover-only',
      compliance_api_key: 'discover-only',
      admin_api_key: 'discover-only',
    }),
  );
  const out = execFileSync(process.execPath, [main, 'discover', '--config', config]).toString();
  const catalog = JSON.parse(out.trim().split('\n')[0] ?? '{}') as {
    catalog?: { streams?: { name: string; supported_sync_modes: string[] }[] };
  };
  const incremental = new Set(
    (catalog.catalog?.streams ?? [])
      .filter((s) => s.supported_sync_modes.includes('incremental'))
      .map((s) => s.name),
  );
  const baselineJs = fileURLToPath(new URL('./baseline.js', import.meta.url));
  const streams = (catalog.catalog?.streams ?? []).map((s) => s.name);
  return { root, dir, main, baselineJs, incremental, streams };
}

/** YYYY-MM-DD of 00:00 UTC, `daysBack - 1` days before today: the first day of a `daysBack`-day window. */
export function firstDay(daysBack: number, nowMs = Date.now()): string {
  return new Date(nowMs - (daysBack - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** A connector config for one family of the simulator, with the budget lifted unless `extra` sets it. */
export function simConfig(info: SimInfo, family: 'analytics' | 'compliance', extra: object = {}): object {
  return {
    workspace_ids: info.workspaceIds,
    [`${family}_api_key`]: info.keys[family],
    api_base_url: info.apiBaseUrl,
    max_requests_per_minute: 1000,
    ...extra,
  };
}

/** The log-file baseline over every workspace and event type, from 30 days back (the retention). */
export function logsBaseline(
  info: SimInfo,
  eventTypes: readonly string[],
  concurrency: number,
): BaselineSpec {
  const after = new Date(Date.now() - 30 * 86_400_000).toISOString();
  return {
    kind: 'logs',
    auth: info.keys.compliance,
    complianceBase: `${info.apiBaseUrl}/compliance`,
    partitions: info.workspaceIds.flatMap((workspaceId) =>
      eventTypes.map((eventType) => ({ workspaceId, eventType, after })),
    ),
    concurrency,
  };
}
