// Loopback listeners. The files host answers on `localhost`, which may resolve to 127.0.0.1 or ::1, so it
// listens on both with one port; the simulator never binds a public interface.
import { createServer, type RequestListener, type Server } from 'node:http';

export interface Listener {
  origin: string;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function listenOne(handler: RequestListener, host: string, port: number): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, ipv6Only: host === '::1' }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function portOf(server: Server): number {
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('simulator: listener has no port');
  return addr.port;
}

async function closeAll(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          // Keep-alive sockets from clients (undici pools) would otherwise hold close() open.
          s.closeAllConnections();
        }),
    ),
  );
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function listenLoopback(handler: RequestListener, host: string, port = 0): Promise<Listener> {
  if (!isLoopback(host)) throw new Error(`simulator: refusing to listen on ${host}; use a loopback address`);
  const server = await listenOne(handler, host, port);
  return { origin: `http://${urlHost(host)}:${portOf(server)}`, close: () => closeAll([server]) };
}

/** 127.0.0.1 and, when the machine has it, ::1 on the same port; retried if that port is taken on ::1. */
export async function listenLocalhost(handler: RequestListener): Promise<Listener> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const v4 = await listenOne(handler, '127.0.0.1', 0);
    const port = portOf(v4);
    const servers = [v4];
    try {
      servers.push(await listenOne(handler, '::1', port));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        await closeAll(servers);
        continue;
      }
      // EADDRNOTAVAIL / EAFNOSUPPORT: no IPv6 loopback here, so `localhost` can only mean 127.0.0.1.
    }
    return { origin: `http://localhost:${port}`, close: () => closeAll(servers) };
  }
  throw new Error('simulator: could not find a port free on both 127.0.0.1 and ::1');
}
