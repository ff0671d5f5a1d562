// Runs the built connector as a child process, as a user or a platform would, and hands each protocol
// message on stdout to a callback, line by line (never the whole output in memory).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../package-root.js';
import type { DiscoveredStream } from './ddl.js';

export interface ProtocolMessage {
  type: string;
  [field: string]: unknown;
}

export type MessageHandler = (message: ProtocolMessage) => Promise<void> | void;

/** The built connector, `dist/main.js` under the package root (from the bundle and from the sources alike). */
export function connectorEntry(): string {
  const main = fileURLToPath(packageFile('dist/main.js'));
  if (!existsSync(main))
    throw new Error('The connector is not built: run `npm run build` first (dist/main.js is missing).');
  return main;
}

function parseLine(line: string): ProtocolMessage | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { type?: unknown }).type === 'string'
    ) {
      return value as ProtocolMessage;
    }
  } catch {
    // not a protocol line; the caller reports it
  }
  return undefined;
}

/** The text of a TRACE ERROR message (with its stream, if any), else undefined. */
export function traceErrorText(message: ProtocolMessage): string | undefined {
  const trace = message.trace as
    { type?: unknown; error?: { message?: unknown; stream_descriptor?: { name?: unknown } } } | undefined;
  if (message.type !== 'TRACE' || trace?.type !== 'ERROR') return undefined;
  const stream = trace.error?.stream_descriptor?.name;
  const text = String(trace.error?.message ?? 'unknown error');
  return typeof stream === 'string' && !text.includes(stream) ? `${stream}: ${text}` : text;
}

/** Resolves with the exit code. stderr is passed through; a non-protocol stdout line goes to `onOther`. */
export async function runConnector(
  args: string[],
  onMessage: MessageHandler,
  onOther: (line: string) => void,
): Promise<number> {
  const child = spawn(process.execPath, [connectorEntry(), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  exited.catch(() => undefined); // a spawn error surfaces when awaited below, not as an unhandled rejection
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const message = parseLine(line);
      if (message === undefined) onOther(line);
      else await onMessage(message);
    }
  } catch (error) {
    child.kill();
    await exited.catch(() => undefined);
    throw error;
  }
  const [code, signal] = await exited;
  return code ?? (signal === null ? 1 : 128);
}

/** The streams in the CATALOG message of `discover`. */
export async function discover(
  configPath: string,
  onMessage: MessageHandler,
  onOther: (line: string) => void,
) {
  let streams: DiscoveredStream[] | undefined;
  const code = await runConnector(
    ['discover', '--config', configPath],
    async (message) => {
      if (message.type === 'CATALOG') streams = (message.catalog as { streams: DiscoveredStream[] }).streams;
      else await onMessage(message);
    },
    onOther,
  );
  return { code, streams };
}

/** Every discovered stream, incremental where it can be (append_dedup), else full refresh (overwrite). */
export function configuredCatalog(streams: readonly DiscoveredStream[]): { streams: unknown[] } {
  return {
    streams: streams.map((stream) => {
      const incremental = stream.supported_sync_modes.includes('incremental');
      return {
        stream,
        sync_mode: incremental ? 'incremental' : 'full_refresh',
        destination_sync_mode: incremental ? 'append_dedup' : 'overwrite',
        cursor_field: incremental ? (stream.default_cursor_field ?? []) : [],
        primary_key: stream.source_defined_primary_key ?? [],
      };
    }),
  };
}
