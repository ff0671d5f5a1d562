// Data sizes and run counts. `small` is a smoke run (about a minute); `full` is what results come from.
export type ScaleName = 'small' | 'full';

export interface LogSizes {
  /** Total bytes of log files, per run, in MB: issue 3 compares 100 MB with 1 GB, issue 7 200 MB with 2 GB. */
  totalsMb: number[];
  logFilesPerDay: number;
  eventPaddingBytes: number;
}

export interface Scale {
  name: ScaleName;
  /** Runs per measurement; medians are reported. */
  runs: number;
  analytics: { users: number; days: number; pageSize: number };
  admin: { days: number; projects: number; orgUsers: number; auditEvents: number };
  /** Compliance data sets of growing size; throughput is compared on the largest. */
  logs: LogSizes;
  tasks: number;
  latency: { latencyMs: number; logFilesPerDay: number; eventsPerFile: number; eventTypes: string[] };
  /** A run where max_requests_per_minute binds (takes over a minute); full scale only. */
  budget: { maxPerMinute: number } | null;
  /** A first sync of every stream, 2 workspaces, against the API's rate limit and latency. */
  ratelimited: {
    users: number;
    days: number;
    logMbPerWorkspace: number;
    logFilesPerDay: number;
    eventPaddingBytes: number;
    latencyMs: number;
    limitPerMinute: number;
  };
  startupRuns: number;
}

// Compliance files are kept 30 days, so each event type holds 30 × logFilesPerDay files; with both types
// and 2 files a day that is about 120 files (17 MB each for 2 GB). An event is its padding plus about 0.9 KB.
const FULL: Scale = {
  name: 'full',
  runs: 3,
  analytics: { users: 5000, days: 90, pageSize: 1000 },
  admin: { days: 90, projects: 20, orgUsers: 300, auditEvents: 5000 },
  logs: { totalsMb: [100, 200, 1000, 2000], logFilesPerDay: 2, eventPaddingBytes: 16 * 1024 },
  tasks: 600,
  latency: {
    latencyMs: 100,
    logFilesPerDay: 1,
    eventsPerFile: 20,
    eventTypes: ['CODEX_LOG', 'CODEX_SECURITY_LOG'],
  },
  budget: { maxPerMinute: 20 },
  // 7 files a day per type: 420 files (about 0.5 MB) a workspace, so the download route needs 4.2 minutes of
  // the limit, just past a whole minute: the bound and the sliding window's strict floor nearly agree.
  ratelimited: {
    users: 5000,
    days: 90,
    logMbPerWorkspace: 200,
    logFilesPerDay: 7,
    eventPaddingBytes: 4096,
    latencyMs: 150,
    limitPerMinute: 100,
  },
  startupRuns: 10,
};

const SMALL: Scale = {
  name: 'small',
  runs: 1,
  analytics: { users: 300, days: 90, pageSize: 1000 },
  admin: { days: 90, projects: 5, orgUsers: 50, auditEvents: 500 },
  logs: { totalsMb: [20, 100], logFilesPerDay: 1, eventPaddingBytes: 16 * 1024 },
  tasks: 120,
  latency: { latencyMs: 100, logFilesPerDay: 1, eventsPerFile: 20, eventTypes: ['CODEX_LOG'] },
  budget: null,
  // A lower limit (the connector's budget follows it) so a smoke run still waits on it, for a minute or two.
  ratelimited: {
    users: 300,
    days: 90,
    logMbPerWorkspace: 20,
    logFilesPerDay: 1,
    eventPaddingBytes: 4096,
    latencyMs: 150,
    limitPerMinute: 40,
  },
  startupRuns: 10,
};

export function scaleFrom(env: string | undefined, runs = Number(process.env.BENCH_RUNS ?? '')): Scale {
  // BENCH_RUNS overrides the run count, for iterating on one scenario; results are quoted from the default.
  const pick = (s: Scale): Scale => (Number.isInteger(runs) && runs > 0 ? { ...s, runs } : s);
  if (env === undefined || env === '' || env === 'full') return pick(FULL);
  if (env === 'small') return pick(SMALL);
  throw new Error(`BENCH_SCALE must be small or full, got ${env}`);
}
