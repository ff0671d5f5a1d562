// A small loopback HTTP server whose every answer a test writes by hand (it knows nothing of our data model),
// and the built connector run as a child process whose stdout can be watched line by line while it runs.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN } from '../helpers/protocol.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;
export type Json = Record<string, unknown>;

export interface Loopback {
  base: string;
  /** Every request's path and query, in order. */
  seen: string[];
  close(): Promise<void>;
}

export async function loopback(handler: Handler): Promise<Loopback> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push(`${url.pathname}${url.search}`);
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/v1`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Json = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers } as Record<string, string>);
  res.end(JSON.stringify(body));
}

/** A temp folder for config, catalog and state files (and the child's TMPDIR); removed by `remove`. */
export function scratch(): { dir: string; write(name: string, value: unknown): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'codex-hostile-'));
  let n = 0;
  return {
    dir,
    write: (name, value) => {
      const path = join(dir, `${n++}-${name}`);
      writeFileSync(
        path,
        typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value),
      );
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function catalogOf(streams: string[], mode: 'full_refresh' | 'incremental' = 'full_refresh'): Json {
  return {
    streams: streams.map((name) => ({
      stream: { name },
      sync_mode: mode,
      destination_sync_mode: 'append',
    })),
  };
}

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  /** stdout lines parsed as JSON, as they arrive. */
  messages: Json[];
  stderr(): string;
  stdout(): string;
  /** Resolves with the first message matching, as soon as it is on stdout; rejects after `ms`. */
  waitFor(match: (m: Json) => boolean, ms: number): Promise<Json>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the built Airbyte source (or, with `bin`, another built entry point such as dist/tap.js). */
export function start(args: string[], env: Record<string, string> = {}, bin = MAIN): Child {
  const proc = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, SOURCE_OPENAI_CODEX_RETRY_BASE_MS: '20', ...env },
  });
  let out = '';
  let err = '';
  let partial = '';
  const messages: Json[] = [];
  const waiters: { match: (m: Json) => boolean; resolve: (m: Json) => void }[] = [];
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter((l) => l !== '')) {
      const message = JSON.parse(line) as Json;
      messages.push(message);
      for (const w of waiters.filter((w) => w.match(message))) w.resolve(message);
    }
  });
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (match: (m: Json) => boolean, ms: number) =>
    new Promise<Json>((resolve, reject) => {
      const found = messages.find(match);
      if (found !== undefined) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no matching message within ${ms} ms:\n${out}`)), ms);
      waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  return { proc, messages, stderr: () => err, stdout: () => out, waitFor, exited };
}

export const isLog = (pattern: RegExp) => (m: Json) =>
  m.type === 'LOG' && pattern.test(String((m.log as Json | undefined)?.message ?? ''));

export function traceErrors(
  messages: Json[],
): { message: string; failure_type: string; internal_message?: string }[] {
  return messages
    .filter((m) => m.type === 'TRACE' && (m.trace as Json).type === 'ERROR')
    .map(
      (m) =>
        (m.trace as { error: { message: string; failure_type: string; internal_message?: string } }).error,
    );
}

export const recordsOf = (messages: Json[], stream: string): Json[] =>
  messages
    .filter((m) => m.type === 'RECORD' && (m.record as Json).stream === stream)
    .map((m) => (m.record as Json).data as Json);

/** Every 8-character piece of `secret` that shows up in `text` (none is the only good answer). */
export function piecesOf(secret: string, text: string): string[] {
  const hits: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++)
    if (text.includes(secret.slice(i, i + 8))) hits.push(secret.slice(i, i + 8));
  return hits;
}
