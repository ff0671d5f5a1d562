// `reset` and `truncate` faults act on whatever body a route writes: the response is buffered, then only its
// first half goes out. Buffering is acceptable here because faults are armed for single test requests.
import type { ServerResponse } from 'node:http';

export type CutMode = 'reset' | 'truncate';

type WriteHead = ServerResponse['writeHead'];

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.alloc(0);
}

/** A truncated body must look complete at the HTTP layer: drop Content-Length so Node sends it chunked. */
function dropContentLength(res: ServerResponse): void {
  const original = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    res.removeHeader('content-length');
    const filtered = args.map((arg) =>
      typeof arg === 'object' && arg !== null && !Array.isArray(arg)
        ? Object.fromEntries(Object.entries(arg).filter(([k]) => k.toLowerCase() !== 'content-length'))
        : arg,
    );
    return original(...filtered);
  }) as WriteHead;
}

export function cutResponse(res: ServerResponse, mode: CutMode): void {
  if (mode === 'truncate') dropContentLength(res);
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (chunk: Buffer, cb?: () => void) => boolean;
  const end = res.end.bind(res) as (cb?: () => void) => ServerResponse;
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    chunks.push(toBuffer(chunk, encoding));
    const done = typeof encoding === 'function' ? encoding : cb;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    if (typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
    const body = Buffer.concat(chunks);
    const half = body.subarray(0, Math.floor(body.length / 2));
    if (mode === 'truncate') {
      write(half);
      end();
    } else {
      // Flush the half first so the client has started reading when the connection dies.
      write(half, () => res.socket?.destroy());
    }
    return res;
  }) as ServerResponse['end'];
}
