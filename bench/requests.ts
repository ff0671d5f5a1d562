// Requests the connector made, from the simulator's log: per stream (by the STARTED…COMPLETE interval of
// its stream status), against the pages the data needs; and the most in any 60 s window per workspace and route.
import type { Message } from './counter.js';
import type { Target } from './result.js';
import { connectorRead, errorsOf, type Bench, type ConnectorRun } from './runs.js';
import type { SimProcess } from './sim-process.js';
import type { SimRequestRecord } from './sim-types.js';

interface Status {
  name: string;
  status: string;
  at: number;
}

function statuses(messages: Message[]): Status[] {
  return messages.flatMap((m) => {
    const t = m.trace as
      | {
          type?: string;
          emitted_at?: number;
          stream_status?: { stream_descriptor: { name: string }; status: string };
        }
      | undefined;
    if (m.type !== 'TRACE' || t?.type !== 'STREAM_STATUS' || t.stream_status === undefined) return [];
    return [
      { name: t.stream_status.stream_descriptor.name, status: t.stream_status.status, at: t.emitted_at ?? 0 },
    ];
  });
}

export interface StreamUse {
  requests: number;
  /** Records counted by the stream's STATE messages (sourceStats.recordCount). */
  records: number;
  seconds: number;
  status: string;
}

export function perStream(run: ConnectorRun): Record<string, StreamUse> {
  const out: Record<string, StreamUse> = {};
  const all = statuses(run.messages);
  for (const started of all.filter((s) => s.status === 'STARTED')) {
    const end = all.find((s) => s.name === started.name && s.at >= started.at && /COMPLETE/.test(s.status));
    const until = end?.at ?? Infinity;
    const requests = run.requestLog.filter(
      (r) => r.host !== 'files' && r.at >= started.at && r.at <= until,
    ).length;
    out[started.name] = {
      requests,
      records: recordsOf(run.messages, started.name),
      seconds: ((end?.at ?? started.at) - started.at) / 1000,
      status: end?.status ?? 'NONE',
    };
  }
  return out;
}

function recordsOf(messages: Message[], stream: string): number {
  let n = 0;
  for (const m of messages) {
    const s = m.state as
      | { stream?: { stream_descriptor?: { name?: string } }; sourceStats?: { recordCount?: number } }
      | undefined;
    if (m.type === 'STATE' && s?.stream?.stream_descriptor?.name === stream)
      n += s.sourceStats?.recordCount ?? 0;
  }
  return n;
}

/**
 * Requests per stream, exactly: one read per stream (the timestamps of a multi-stream read are milliseconds,
 * too coarse to tell the last request of one stream from the first of the next).
 */
export async function requestsPerStream(
  bench: Bench,
  sim: SimProcess,
  config: object,
  streams: string[],
): Promise<Record<string, StreamUse>> {
  const out: Record<string, StreamUse> = {};
  for (const stream of streams) {
    const run = await connectorRead(bench, sim, config, [stream]);
    const errors = errorsOf(run);
    if (errors.length > 0) throw new Error(`${stream}: the connector run failed: ${errors.join(' | ')}`);
    const use = perStream(run)[stream];
    out[stream] = {
      requests: run.requestLog.filter((r) => r.host !== 'files').length,
      records: run.metrics.records,
      seconds: run.metrics.wallS,
      status: use?.status ?? 'NONE',
    };
  }
  return out;
}

/** The most requests any workspace (or the org) sent to one route within any `windowMs`, and 429s seen. */
export function busiestWindow(
  log: SimRequestRecord[],
  windowMs = 60_000,
): { key: string; max: number; tooMany: number } {
  const byKey = new Map<string, number[]>();
  for (const r of log) {
    if (r.host === 'files') continue;
    const key = `${r.workspace ?? 'org'}|${r.route}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r.at]);
  }
  let best = { key: '', max: 0 };
  for (const [key, times] of byKey) {
    times.sort((a, b) => a - b);
    for (let i = 0, j = 0; j < times.length; j++) {
      while ((times[j] ?? 0) - (times[i] ?? 0) >= windowMs) i++;
      if (j - i + 1 > best.max) best = { key, max: j - i + 1 };
    }
  }
  return { ...best, tooMany: log.filter((r) => r.status === 429).length };
}

/** Requests made ≤ pages needed (ceil(units / page size), at least 1) + windows: no per-day fan-out. */
export function pagingTarget(
  stream: string,
  use: StreamUse | undefined,
  units: number,
  limit: number,
  windows = 1,
): Target {
  const pagesNeeded = Math.max(1, Math.ceil(units / limit));
  const allowed = pagesNeeded + windows;
  const requests = use?.requests ?? NaN;
  return {
    id: `requests:${stream}`,
    description: `${stream}: requests made ≤ pages needed + windows`,
    pass: use?.status === 'COMPLETE' && requests <= allowed,
    measured: { requests, pages_needed: pagesNeeded, windows, units, page_size: limit },
    threshold: `≤ ${allowed}`,
  };
}
