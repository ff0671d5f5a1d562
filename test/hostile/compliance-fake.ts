// A hand-written Compliance API on loopback: one listing of the given log files, each download a 307 to a
// file path on the same host, whose bytes the test supplies (or serves itself, to stall or drip).
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { loopback, sendJson, type Json, type Loopback } from './loopback.js';

export const WORKSPACE = '0b9c2f1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
export const COMPLIANCE_KEY = 'compliance-key-hostile-0123456789abcdefghij';

export interface FakeFile {
  id: string;
  /** The bytes the listing describes (size and sha256). */
  bytes: Buffer;
  /** Serves the download itself (default: the bytes). */
  serve?: (res: ServerResponse) => void;
}

export const event = (id: string, extra: Json = {}) =>
  JSON.stringify({ event_id: id, type: 'CODEX_LOG', timestamp: '2026-11-30T10:00:00Z', ...extra });

export function complianceFake(files: FakeFile[]): Promise<Loopback> {
  const endTime = new Date(Date.now() - 3_600_000).toISOString();
  const listing = files.map((f) => ({
    id: f.id,
    event_type: 'CODEX_LOG',
    end_time: endTime,
    file_name: `CODEX_LOG_${f.id}.jsonl`,
    file_size: f.bytes.length,
    file_sha256: createHash('sha256').update(f.bytes).digest('hex'),
  }));
  let base = '';
  const server = loopback((req, res, url) => {
    const file = files.find((f) => url.pathname === `/files/${f.id}`);
    if (file !== undefined) {
      if (file.serve !== undefined) return file.serve(res);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void res.end(file.bytes);
    }
    const download = /\/logs\/([^/]+)$/.exec(url.pathname)?.[1];
    if (download !== undefined) {
      res.writeHead(307, { location: `${base}/files/${download}` });
      return void res.end();
    }
    if (url.pathname.endsWith('/logs')) {
      const after = url.searchParams.get('after') ?? '';
      const data = Date.parse(after) < Date.parse(endTime) ? listing : [];
      return sendJson(res, 200, { data, has_more: false, last_end_time: data.length > 0 ? endTime : null });
    }
    sendJson(res, 404, { detail: 'not here' });
  });
  return server.then((s) => {
    base = s.base.replace(/\/v1$/, '');
    return s;
  });
}

export function complianceConfig(server: Loopback, extra: Json = {}): Json {
  return {
    workspace_ids: [WORKSPACE],
    compliance_api_key: COMPLIANCE_KEY,
    api_base_url: server.base,
    compliance_event_types: ['CODEX_LOG'],
    ...extra,
  };
}
