// A first sync of every stream against an API that behaves like the real one: 100 requests a minute per
// workspace and route (429 with Retry-After above it) and 150 ms on every request. Here the cost of a sync is
// the rate limit, not CPU, so the connector is measured against the lower bound the limit sets: for each
// workspace and route, the requests it needs ÷ its limit; routes have separate limits and can run side by
// side, so the bound is the largest of them. Target: wall ≤ 1.15 × bound, and the API never answers 429.
// The connector runs with its defaults (page_size, max_requests_per_minute): what a user gets.
import type { Scale } from '../scale.js';
import { mustSucceed, type ScenarioResult, type Target } from '../result.js';
import { connectorRead, errorsOf, type Bench, type ConnectorRun } from '../runs.js';
import { SimProcess } from '../sim-process.js';
import type { SimRequestRecord } from '../sim-types.js';
import { medians, round } from '../stats.js';
import { loadavg } from 'node:os';

const EVENT_TYPES = ['CODEX_LOG', 'CODEX_SECURITY_LOG'];
/** An event's JSON without padding, roughly (as in the logs scenario). */
const EVENT_BASE_BYTES = 900;
const TARGET_RATIO = 1.15;

export interface RouteNeed {
  key: string;
  requests: number;
  /** Seconds the limit needs for them: requests ÷ limit per minute. */
  boundS: number;
  /** The strict floor of a sliding window that admits `limit` at once: whole minutes before the last one. */
  slidingFloorS: number;
}

/** Requests per workspace (or org) and route that the API answered (429s are not needs), busiest first. */
export function routeNeeds(log: SimRequestRecord[], limit: number): RouteNeed[] {
  const counts = new Map<string, number>();
  for (const r of log) {
    if (r.host === 'files' || r.status === 429) continue;
    const key = `${r.workspace ?? 'org'}|${r.route}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, requests]) => ({
      key,
      requests,
      boundS: (requests / limit) * 60,
      slidingFloorS: Math.floor((requests - 1) / limit) * 60,
    }))
    .sort((a, b) => b.boundS - a.boundS);
}

interface RunFacts {
  wallS: number;
  /** The connector's CPU (user + system): on a shared machine, wall time cannot be less than this needs. */
  cpuS: number;
  simCpuS: number;
  boundS: number;
  ratio: number;
  slidingFloorS: number;
  tooMany: number;
  loadAtStart: number;
  maxRssMb: number;
  records: number;
  requests: number;
}

function factsOf(run: ConnectorRun, limit: number): { facts: RunFacts; needs: RouteNeed[] } {
  const needs = routeNeeds(run.requestLog, limit);
  const top = needs[0];
  const boundS = top?.boundS ?? NaN;
  const facts = {
    wallS: run.metrics.wallS,
    cpuS: run.metrics.cpuS,
    simCpuS: run.metrics.simCpuS,
    boundS,
    ratio: run.metrics.wallS / boundS,
    slidingFloorS: top?.slidingFloorS ?? NaN,
    tooMany: run.requestLog.filter((r) => r.status === 429).length,
    loadAtStart: loadavg()[0] ?? NaN,
    maxRssMb: run.metrics.maxRssMb,
    records: run.metrics.records,
    requests: run.requestLog.length,
  };
  return { facts, needs };
}

/** When each stream started and ended, and where 429s fell: seconds from the first request. */
function timeline(run: ConnectorRun): Record<string, unknown> {
  const t0 = Math.min(...run.requestLog.map((r) => r.at));
  const at = (ms: number) => round((ms - t0) / 1000, 1);
  const streams: Record<string, [number, number]> = {};
  for (const m of run.messages) {
    const t = m.trace as
      | {
          type?: string;
          emitted_at?: number;
          stream_status?: { stream_descriptor: { name: string }; status: string };
        }
      | undefined;
    if (m.type !== 'TRACE' || t?.type !== 'STREAM_STATUS' || t.stream_status === undefined) continue;
    const name = t.stream_status.stream_descriptor.name;
    const span = streams[name] ?? [NaN, NaN];
    if (t.stream_status.status === 'STARTED') span[0] = at(t.emitted_at ?? 0);
    else span[1] = at(t.emitted_at ?? 0);
    streams[name] = span;
  }
  const throttled = run.requestLog
    .filter((r) => r.status === 429)
    .map((r) => `${r.workspace ?? 'org'}|${r.route} at ${at(r.at)} s`);
  return { streams, throttled };
}

export async function ratelimitedScenario(bench: Bench, scale: Scale): Promise<ScenarioResult> {
  const s = scale.ratelimited;
  const files = EVENT_TYPES.length * 30 * s.logFilesPerDay;
  const eventsPerFile = Math.max(
    1,
    Math.round((s.logMbPerWorkspace * 1e6) / files / (s.eventPaddingBytes + EVENT_BASE_BYTES)),
  );
  const options = {
    seed: 13,
    workspaces: 2,
    users: s.users,
    days: s.days,
    logFilesPerDay: s.logFilesPerDay,
    eventsPerFile,
    eventPaddingBytes: s.eventPaddingBytes,
    tasks: scale.tasks,
    projects: scale.admin.projects,
    orgUsers: scale.admin.orgUsers,
    auditEvents: scale.admin.auditEvents,
    latencyMs: s.latencyMs,
    rateLimitPerMinute: s.limitPerMinute,
  };
  const runs: { facts: RunFacts; needs: RouteNeed[]; timeline: Record<string, unknown> }[] = [];
  for (let i = 0; i < scale.runs; i++) {
    // A fresh simulator each run: its rate limiter remembers the last minute of the previous run.
    const sim = await SimProcess.start(options);
    try {
      const { info } = sim;
      const config = {
        workspace_ids: info.workspaceIds,
        analytics_api_key: info.keys.analytics,
        compliance_api_key: info.keys.compliance,
        admin_api_key: info.keys.admin,
        api_base_url: info.apiBaseUrl,
        admin_api_base_url: info.adminBaseUrl,
        // The default budget is the real API's limit; a smoke run's lower limit needs the budget to follow.
        ...(s.limitPerMinute === 100 ? {} : { max_requests_per_minute: s.limitPerMinute }),
      };
      const run = await connectorRead(bench, sim, config, bench.streams);
      mustSucceed('a first sync of every stream under the rate limit', errorsOf(run));
      runs.push({ ...factsOf(run, s.limitPerMinute), timeline: timeline(run) });
      process.stderr.write(`  run ${i + 1}: ${JSON.stringify(runs.at(-1)?.facts)}\n`);
    } finally {
      await sim.close();
    }
  }
  const m = medians(runs.map((r) => r.facts));
  const needs = runs[0]?.needs ?? [];
  const worst429 = Math.max(...runs.map((r) => r.facts.tooMany));
  const targets: Target[] = [
    {
      id: 'ratelimited:wall_vs_bound',
      description: `first sync of every stream, 2 workspaces, ${s.limitPerMinute}/min per workspace and route, ${s.latencyMs} ms a request: wall ≤ ${TARGET_RATIO} × the rate-limit bound, no 429`,
      pass: (m.ratio ?? Infinity) <= TARGET_RATIO && worst429 === 0,
      measured: {
        wall_s: m.wallS,
        bound_s: m.boundS,
        ratio: m.ratio,
        sliding_floor_s: m.slidingFloorS,
        ratio_to_sliding_floor: round((m.wallS ?? NaN) / (m.slidingFloorS ?? NaN)),
        too_many_429: worst429,
        busiest_route: needs[0]?.key,
      },
      threshold: `≤ ${TARGET_RATIO} × bound, 0 × 429`,
    },
  ];
  return {
    name: 'ratelimited',
    section: {
      data: { ...options, files_per_workspace: files, mb_per_workspace: s.logMbPerWorkspace },
      medians: m,
      runs: runs.map((r) => ({ ...r.facts, timeline: r.timeline })),
      routes: needs.slice(0, 8).map((n) => ({ ...n, boundS: round(n.boundS) })),
    },
    targets,
  };
}
