// The floor for Compliance log events: list the files (same paging as the connector), then for each file
// GET /logs/{id} with the key, follow the 307 without it, hash the body with sha256 as it streams, split it
// into lines and write them, and check size and digest against the listing. `concurrency` files at a time.
import { createHash } from 'node:crypto';
import { request, type Agent } from 'undici';
import type { BaselineReport, LogPartition } from './baseline-types.js';
import type { NullSink } from './baseline-sink.js';

interface FileEntry {
  id: string;
  file_size: number;
  file_sha256: string;
}

interface Listing {
  data: FileEntry[];
  has_more: boolean;
  last_end_time: string | null;
}

interface Ctx {
  agent: Agent;
  auth: string;
  base: string;
  sink: NullSink;
  report: BaselineReport;
}

async function list(ctx: Ctx, p: LogPartition, after: string): Promise<Listing> {
  const url = new URL(`${ctx.base}/workspaces/${p.workspaceId}/logs`);
  url.search = new URLSearchParams({ event_type: p.eventType, after, limit: '100' }).toString();
  const res = await request(url, { headers: { authorization: `Bearer ${ctx.auth}` }, dispatcher: ctx.agent });
  const text = await res.body.text();
  ctx.report.requests += 1;
  if (res.statusCode !== 200) throw new Error(`listing answered ${res.statusCode}: ${text}`);
  return JSON.parse(text) as Listing;
}

async function download(ctx: Ctx, p: LogPartition, file: FileEntry): Promise<void> {
  const api = new URL(`${ctx.base}/workspaces/${p.workspaceId}/logs/${file.id}`);
  const redirect = await request(api, {
    headers: { authorization: `Bearer ${ctx.auth}` },
    dispatcher: ctx.agent,
  });
  await redirect.body.dump();
  const location = redirect.headers.location;
  if (redirect.statusCode !== 307 || typeof location !== 'string')
    throw new Error(`download of ${file.id} answered ${redirect.statusCode}, not a 307`);
  const res = await request(new URL(location, api), { dispatcher: ctx.agent });
  if (res.statusCode !== 200) throw new Error(`signed URL of ${file.id} answered ${res.statusCode}`);
  ctx.report.requests += 2;
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  let last = 10;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
    last = chunk[chunk.length - 1] ?? last;
    ctx.sink.raw(chunk);
  }
  if (last !== 10) lines += 1;
  const digest = hash.digest('hex');
  if (bytes !== file.file_size || digest !== file.file_sha256)
    throw new Error(`file ${file.id}: ${bytes} bytes, sha256 ${digest}; the listing says otherwise`);
  ctx.report.bytesIn += bytes;
  ctx.report.rows += lines;
  ctx.report.files = (ctx.report.files ?? 0) + 1;
}

async function pool(items: FileEntry[], concurrency: number, work: (f: FileEntry) => Promise<void>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

export async function runLogs(
  agent: Agent,
  spec: { auth: string; complianceBase: string; partitions: LogPartition[]; concurrency: number },
  sink: NullSink,
): Promise<BaselineReport> {
  const report: BaselineReport = { requests: 0, rows: 0, bytesIn: 0, bytesOut: 0, jobs: [], files: 0 };
  const ctx: Ctx = { agent, auth: spec.auth, base: spec.complianceBase, sink, report };
  for (const p of spec.partitions) {
    const before = { requests: report.requests, rows: report.rows };
    for (let after: string | null = p.after; after !== null;) {
      const page = await list(ctx, p, after);
      await pool(page.data, spec.concurrency, (file) => download(ctx, p, file));
      after = page.has_more ? page.last_end_time : null;
    }
    report.jobs.push({
      name: `${p.workspaceId}/${p.eventType}`,
      requests: report.requests - before.requests,
      units: report.rows - before.rows,
      rows: report.rows - before.rows,
    });
  }
  return report;
}
