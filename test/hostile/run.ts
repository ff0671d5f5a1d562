// Runs the built connector (dist/main.js, or the Singer tap dist/tap.js) as a child process against a hostile
// server, with its config, catalog and state in a temporary folder, and a hard time bound: a run that outlives
// it is killed and reported as timed out, so a loop shows up as a failed assertion, not a hung suite.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN } from '../helpers/protocol.js';

export const TAP = new URL('../../dist/tap.js', import.meta.url).pathname;
export type Json = Record<string, unknown>;

export interface HostileRun {
  code: number | null;
  stdout: string;
  stderr: string;
  messages: Json[];
  ms: number;
  timedOut: boolean;
  /** The Singer tap ran: it reports failures as ERROR lines on stderr, not TRACE messages. */
  tap: boolean;
}

/** Fresh keys per test file, shaped like real ones, so a leak of any piece of them can be searched for. */
export function freshKeys() {
  const random = () => randomBytes(24).toString('base64url');
  return {
    analytics: `sk-codex-analytics-${random()}`,
    compliance: `sk-codex-compliance-${random()}`,
    admin: `sk-admin-${random()}`,
    salt: `salt-${random()}`,
  };
}

export const WORKSPACE = randomUUID();

/** A day in Unix seconds, the unit of /usage's start_time and end_time. */
export const DAY = 86_400;
/** Today 00:00 UTC, in Unix seconds. */
export const todayStart = () => Math.floor(Date.now() / 1000 / DAY) * DAY;
/** A /usage row of one user and day. */
export const usageRow = (start: number, user: string): Json => ({
  start_time: start,
  end_time: start + DAY,
  user_id: user,
  totals: {},
});

export function hostileConfig(baseUrl: string, keys: ReturnType<typeof freshKeys>, extra: Json = {}): Json {
  return {
    workspace_ids: [WORKSPACE],
    analytics_api_key: keys.analytics,
    compliance_api_key: keys.compliance,
    admin_api_key: keys.admin,
    hash_salt: keys.salt,
    api_base_url: `${baseUrl}/v1`,
    admin_api_base_url: `${baseUrl}/v1`,
    max_requests_per_minute: 1000,
    request_timeout_seconds: 5,
    ...extra,
  };
}

export interface ReadOptions {
  config: Json;
  streams: string[];
  state?: unknown[];
  /** Kill the process after this long. */
  boundMs?: number;
  /** Run the Singer tap instead of the Airbyte source. */
  tap?: boolean;
  /** The Airbyte catalog's sync mode (default incremental). */
  syncMode?: 'incremental' | 'full_refresh';
}

export async function readHostile(o: ReadOptions): Promise<HostileRun> {
  const dir = mkdtempSync(join(tmpdir(), 'codex-hostile-'));
  try {
    const file = (name: string, value: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    };
    const config = file('config.json', o.config);
    const args = o.tap
      ? [TAP, '--config', config, '--catalog', file('catalog.json', singerCatalog(o.streams))]
      : [
          MAIN,
          'read',
          '--config',
          config,
          '--catalog',
          file('catalog.json', airbyteCatalog(o.streams, o.syncMode)),
        ];
    if (o.state !== undefined) args.push('--state', file('state.json', o.state));
    return { ...(await spawnBounded(args, o.boundMs ?? 30_000)), tap: o.tap === true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function airbyteCatalog(streams: string[], syncMode = 'incremental'): Json {
  return {
    streams: streams.map((name) => ({
      stream: { name },
      sync_mode: syncMode,
      destination_sync_mode: syncMode === 'incremental' ? 'append' : 'overwrite',
    })),
  };
}

function singerCatalog(streams: string[]): Json {
  return {
    streams: streams.map((name) => ({
      tap_stream_id: name,
      stream: name,
      schema: {},
      metadata: [{ breadcrumb: [], metadata: { selected: true, 'replication-method': 'INCREMENTAL' } }],
    })),
  };
}

function spawnBounded(args: string[], boundMs: number): Promise<Omit<HostileRun, 'tap'>> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, SOURCE_OPENAI_CODEX_RETRY_BASE_MS: '20' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, boundMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const messages = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Json);
      resolve({ code, stdout, stderr, messages, ms: Date.now() - started, timedOut });
    });
  });
}
