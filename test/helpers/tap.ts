// Runs the built Singer tap (dist/tap.js) as Meltano does: config, catalog and state as files, Singer messages
// on stdout (every line must be JSON), logs on stderr.
import { spawn } from 'node:child_process';

export const TAP = new URL('../../dist/tap.js', import.meta.url).pathname;

export type Json = Record<string, unknown>;

export interface TapRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runTap(args: string[]): Promise<TapRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, SOURCE_OPENAI_CODEX_RETRY_BASE_MS: '20' };
    const child = spawn(process.execPath, [TAP, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** stdout as Singer messages; throws on a line that is not JSON. */
export function messages(run: TapRun): Json[] {
  return run.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as Json;
      } catch {
        throw new Error(`stdout line is not a JSON Singer message: ${l.slice(0, 200)}`);
      }
    });
}

export function singerRecords(run: TapRun, stream?: string): Json[] {
  return messages(run)
    .filter((m) => m.type === 'RECORD' && (stream === undefined || m.stream === stream))
    .map((m) => m.record as Json);
}

/** The `value` of the last STATE message: what Meltano saves and passes back with --state. */
export function lastStateValue(run: TapRun): { bookmarks: Json } {
  const states = messages(run).filter((m) => m.type === 'STATE');
  const last = states.at(-1);
  if (last === undefined) throw new Error('the run emitted no STATE');
  return last.value as { bookmarks: Json };
}

interface CatalogEntry {
  tap_stream_id: string;
  metadata: { breadcrumb: string[]; metadata: Json }[];
  [key: string]: unknown;
}

/** The discovered catalog with exactly `names` selected (breadcrumb [] `selected`), optionally a method. */
export function selectStreams(
  catalog: { streams: CatalogEntry[] },
  names: readonly string[],
  method?: 'INCREMENTAL' | 'FULL_TABLE',
): { streams: CatalogEntry[] } {
  return {
    streams: catalog.streams.map((entry) => ({
      ...entry,
      metadata: entry.metadata.map((m) =>
        m.breadcrumb.length > 0
          ? m
          : {
              breadcrumb: [],
              metadata: {
                ...m.metadata,
                selected: names.includes(entry.tap_stream_id),
                ...(method === undefined ? {} : { 'replication-method': method }),
              },
            },
      ),
    })),
  };
}
