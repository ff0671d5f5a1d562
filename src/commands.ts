// The protocol commands, wired: config → API client → engine → protocol messages on stdout.
import type { ApiClient } from './api/client.js';
import { readJsonFile } from './config/load.js';
import type { RunEnv } from './run-env.js';
import type { Config } from './config/schema.js';
import { asSourceError } from './engine/errors.js';
import { catalogMessage, parseConfiguredCatalog } from './protocol/catalog.js';
import { checkMessage } from './protocol/check.js';
import { AIRBYTE_LINES, connectionStatus, errorTrace, logMessage } from './protocol/messages.js';
import { Output, Redactor } from './output/output.js';
import { runRead } from './protocol/read.js';
import { specMessage } from './protocol/spec.js';
import { loadStateFile } from './protocol/state.js';
import {
  availableStreams,
  loadConfigWithSecrets,
  makeApiClient,
  makeSharedReads,
  makeStreamOpener,
  realDeps,
} from './wiring.js';

export const redactor = new Redactor();
export const out = new Output(process.stdout, redactor, AIRBYTE_LINES);

const configFrom = (path: string): Promise<Config> => loadConfigWithSecrets(path, redactor);
const warn = (message: string): void => out.queue(logMessage('WARN', message));
const client = (config: Config, env: RunEnv): Promise<ApiClient> =>
  makeApiClient(config, warn, 'source-openai-codex', env);

export async function spec(): Promise<number> {
  await out.emit(specMessage());
  return 0;
}

export async function check(configPath: string, env: RunEnv = {}): Promise<number> {
  let config: Config;
  try {
    config = await configFrom(configPath);
  } catch (error) {
    await out.emit(connectionStatus('FAILED', asSourceError(error).message));
    return 0;
  }
  const api = await client(config, env);
  const { probeKeys } = await import('./api/probe.js');
  const { checkFreshness } = await import('./api/freshness.js');
  try {
    const now = Date.now();
    const workspaceIds = config.workspace_ids ?? [];
    const probes = await probeKeys(api, { workspaceIds, organizationId: config.organization_id }, now);
    // Freshness of the workspaces whose Compliance key was accepted (the organization probe is not one).
    const accepted = probes.filter(
      (p) => p.family === 'compliance' && p.status === 'accepted' && workspaceIds.includes(p.target),
    );
    const freshness = await checkFreshness(
      api,
      accepted.map((p) => p.target),
      config.compliance_event_types,
      now,
    );
    await out.emit(checkMessage(probes, availableStreams(config), freshness));
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
  env: RunEnv = {},
): Promise<number> {
  const config = await configFrom(configPath);
  const streams = parseConfiguredCatalog(
    await readJsonFile(catalogPath, 'catalog'),
    availableStreams(config),
  );
  const state = await loadStateFile(statePath);
  for (const warning of state.warnings) await out.emit(logMessage('WARN', warning));
  const api = await client(config, env);
  try {
    const failed = await runRead(streams, state.byStream, {
      out,
      now: realDeps.now,
      open: await makeStreamOpener(api, config, warn),
      progressEveryMs: env.progressEveryMs,
      shared: await makeSharedReads(api, config),
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

/** A stop signal mid-command: what is queued goes out, then one TRACE ERROR saying so, and nothing after it. */
export function terminated(signal: string): void {
  out.queue(
    errorTrace(
      `Terminated by ${signal} before the command finished; the last STATE emitted is a safe resume point.`,
      'transient_error',
      Date.now(),
      undefined,
      'TERMINATED',
    ),
  );
  out.seal();
}
