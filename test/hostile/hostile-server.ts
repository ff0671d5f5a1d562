// A hostile HTTP server for the test suite, separate from the simulator: it knows nothing of our data model.
// A test gives it a script, per URL path, of the replies to serve in order (the last one repeats), or a
// function of the request's number on that path and its URL. A reply is canned: a status, headers, a body
// (a JSON value, text or bytes), a delay, a body cut short, a redirect. It records every request it got.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  /** Default 200 (307 with `redirect`). */
  status?: number;
  headers?: Record<string, string>;
  /** A body sent as JSON. */
  json?: unknown;
  /** A body sent as is. */
  body?: string | Buffer;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Announce the whole body's length, send only this many bytes of it, then reset the connection. */
  cutAfterBytes?: number;
  /** Answer with this Location (absolute, or a path on this server). */
  redirect?: string;
}

/** The replies to a path in order (the last repeats), or one reply per request: `n` counts from 0. */
export type Route = Reply[] | ((n: number, url: URL) => Reply);
/** Keyed by exact URL path; `*` answers any path not listed. */
export type Script = Record<string, Route>;

export interface Hit {
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

export class HostileServer {
  hits: Hit[] = [];
  private script: Script = {};
  private counts = new Map<string, number>();
  private readonly server = createServer((req, res) => void this.answer(req, res));

  /** Listens on loopback (127.0.0.1, or another loopback address such as 127.0.0.2). */
  static async start(script: Script, host = '127.0.0.1'): Promise<HostileServer> {
    const s = new HostileServer();
    s.play(script);
    await new Promise<void>((resolve) => s.server.listen(0, host, resolve));
    return s;
  }

  get url(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address}:${port}`;
  }

  /** Replaces the script and starts counting and recording afresh (for the next sync of a test). */
  play(script: Script): void {
    this.script = script;
    this.counts = new Map();
    this.hits = [];
  }

  hitsOf(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.hits.push({ path: url.pathname, query: url.searchParams, authorization: req.headers.authorization });
    const n = this.counts.get(url.pathname) ?? 0;
    this.counts.set(url.pathname, n + 1);
    const route = this.script[url.pathname] ?? this.script['*'];
    const reply: Reply =
      route === undefined
        ? { status: 404, json: { detail: `no script for ${url.pathname}` } }
        : typeof route === 'function'
          ? route(n, url)
          : (route[Math.min(n, route.length - 1)] ?? {});
    if (reply.delayMs !== undefined) await new Promise((r) => setTimeout(r, reply.delayMs));
    send(res, reply);
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const body =
    reply.json !== undefined ? Buffer.from(JSON.stringify(reply.json)) : Buffer.from(reply.body ?? '');
  const headers: Record<string, string> = {
    'content-type': reply.json !== undefined ? 'application/json' : 'text/plain',
    'content-length': String(body.length),
    ...reply.headers,
  };
  if (reply.redirect !== undefined) headers.location = reply.redirect;
  res.writeHead(reply.status ?? (reply.redirect !== undefined ? 307 : 200), headers);
  if (reply.cutAfterBytes === undefined) {
    res.end(body);
    return;
  }
  res.write(body.subarray(0, reply.cutAfterBytes), () => res.destroy());
}
