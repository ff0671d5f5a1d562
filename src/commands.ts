// The protocol commands, wired: config → API client → engine → protocol messages on stdout.
import { readFileSync } from 'node:fs';
import type { ApiClient } from './api/client.js';
import { loadConfig, readJsonFile } from './config/load.js';
import { secretKeys, type Config } from './config/schema.js';
import { asSourceError } from './engine/errors.js';
import { catalogMessage, parseConfiguredCatalog } from './protocol/catalog.js';
import { checkMessage } from './protocol/check.js';
import { errorTrace, logMessage } from './protocol/messages.js';
import { Output, Redactor } from './protocol/output.js';
import { runRead } from './protocol/read.js';
import { specMessage } from './protocol/spec.js';
import { loadStateFile } from './protocol/state.js';
import type { StreamDef } from './stream-def.js';
import { STREAMS } from './streams.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const USER_AGENT = `source-openai-codex/${VERSION}`;

export const redactor = new Redactor();
export const out = new Output(process.stdout, redactor);

const realDeps = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

function registerSecrets(config: Config): void {
  for (const key of secretKeys())
    redactor.add((config as Record<string, unknown>)[key] as string | undefined);
}

async function configFrom(path: string): Promise<Config> {
  const config = await loadConfig(path);
  registerSecrets(config);
  return config;
}

// The HTTP stack (undici, the API layer, the planners) loads only for check and read, so spec and
// discover answer fast.
async function client(config: Config): Promise<ApiClient> {
  const { ApiClient } = await import('./api/client.js');
  const base = Number(process.env.SOURCE_OPENAI_CODEX_RETRY_BASE_MS ?? '') || undefined;
  return new ApiClient(
    config,
    { ...realDeps, retryBaseMs: base, log: (m) => out.queue(logMessage('WARN', m)) },
    USER_AGENT,
  );
}

/** The streams the configured keys can read. Needs no network. */
export function availableStreams(config: Config): StreamDef[] {
  const keys = {
    analytics: config.analytics_api_key,
    compliance: config.compliance_api_key,
    admin: config.admin_api_key,
  };
  return STREAMS.filter((s) => keys[s.family] !== undefined);
}

export async function spec(): Promise<number> {
  await out.emit(specMessage());
  return 0;
}

export async function check(configPath: string): Promise<number> {
  let config: Config;
  try {
    config = await configFrom(configPath);
  } catch (error) {
    const { connectionStatus } = await import('./protocol/messages.js');
    await out.emit(connectionStatus('FAILED', asSourceError(error).message));
    return 0;
  }
  const api = await client(config);
  const { probeKeys } = await import('./api/probe.js');
  try {
    await out.emit(checkMessage(await probeKeys(api, Date.now()), availableStreams(config)));
  } finally {
    await api.close();
  }
  return 0;
}

export async function discover(configPath: string): Promise<number> {
  const config = await configFrom(configPath);
  await out.emit(catalogMessage(availableStreams(config)));
  return 0;
}

export async function read(
  configPath: string,
  catalogPath: string,
  statePath: string | undefined,
): Promise<number> {
  const config = await configFrom(configPath);
  const streams = parseConfiguredCatalog(
    await readJsonFile(catalogPath, 'catalog'),
    availableStreams(config),
  );
  const state = await loadStateFile(statePath);
  for (const warning of state.warnings) await out.emit(logMessage('WARN', warning));
  const api = await client(config);
  const { makeOpener } = await import('./sources.js');
  try {
    const failed = await runRead(streams, state.byStream, {
      out,
      now: realDeps.now,
      open: makeOpener(api, realDeps),
    });
    if (failed.length > 0) {
      await out.emit(
        logMessage(
          'ERROR',
          `Sync finished with failed streams: ${failed.join(', ')}. Their last STATE is a safe resume point.`,
        ),
      );
    }
    return failed.length > 0 ? 1 : 0;
  } finally {
    await out.flush();
    await api.close();
  }
}

/** Any error that escaped a command: one TRACE ERROR on stdout, non-zero exit, no stack trace. */
export async function fail(error: unknown): Promise<number> {
  const e = asSourceError(error);
  await out.emit(errorTrace(e.message, e.failureType, Date.now(), undefined, e.code));
  await out.flush();
  return 1;
}
