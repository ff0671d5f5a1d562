// The floor for paged endpoints: the same URLs, page size and paging as the connector, with undici and
// keep-alive; each page is parsed and each row written as one JSON line. Nothing else: no validation, no
// shaping, no envelope, no state.
import { request, type Agent } from 'undici';
import type { BaselineReport, JobReport, PagesJob } from './baseline-types.js';
import type { NullSink } from './baseline-sink.js';

type Body = Record<string, unknown> & { data?: unknown[] };

async function getJson(agent: Agent, url: URL, auth: string): Promise<{ body: Body; bytes: number }> {
  const res = await request(url, { headers: { authorization: `Bearer ${auth}` }, dispatcher: agent });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`GET ${url.pathname} answered ${res.statusCode}: ${text}`);
  return { body: JSON.parse(text) as Body, bytes: Buffer.byteLength(text) };
}

function rowsOf(job: PagesJob, data: unknown[]): unknown[] {
  if (job.rowsOf === 'data') return data;
  return data.flatMap((bucket) => {
    const b = bucket as { results?: unknown[]; result?: unknown[] };
    return b.results ?? b.result ?? [];
  });
}

async function runJob(agent: Agent, auth: string, job: PagesJob, sink: NullSink, total: BaselineReport) {
  const report: JobReport = { name: job.name, requests: 0, units: 0, rows: 0 };
  let token: string | null = null;
  do {
    const url = new URL(job.url);
    if (token !== null) url.searchParams.set(job.tokenParam, token);
    const { body, bytes } = await getJson(agent, url, auth);
    report.requests += 1;
    total.bytesIn += bytes;
    const data = body.data ?? [];
    report.units += data.length;
    for (const row of rowsOf(job, data)) {
      sink.line(JSON.stringify(row));
      report.rows += 1;
    }
    const next = body[job.tokenField];
    token = body.has_more === true && typeof next === 'string' ? next : null;
  } while (token !== null);
  return report;
}

export async function runPages(
  agent: Agent,
  auth: string,
  jobs: PagesJob[],
  sink: NullSink,
): Promise<BaselineReport> {
  const total: BaselineReport = { requests: 0, rows: 0, bytesIn: 0, bytesOut: 0, jobs: [] };
  for (const job of jobs) {
    const report = await runJob(agent, auth, job, sink, total);
    total.jobs.push(report);
    total.requests += report.requests;
    total.rows += report.rows;
  }
  return total;
}
