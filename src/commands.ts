// The protocol commands, wired: config → API client → engine → protocol messages on stdout.
import type { ApiClient } from './api/client.js';
import { readJsonFile } from './config/load.js';
import type { Config } from './config/schema.js';
import { asSourceError } from './engine/errors.js';
import { catalogMessage, parseConfiguredCatalog } from './protocol/catalog.js';
import { checkMessage } from './protocol/check.js';
import { connectionStatus, errorTrace, logMessage } from './protocol/messages.js';
import { Output, Redactor } from './protocol/output.js';
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
export const out = new Output(process.stdout, redactor);

const configFrom = (path: string): Promise<Config> => loadConfigWithSecrets(path, redactor);
const client = (config: Config): Promise<ApiClient> =>
  makeApiClient(config, (m) => out.queue(logMessage('WARN', m)), 'source-openai-codex');

export async function spec(): Promise<number> {
  await out.emit(specMessage());
  return 0;
}

export async function check(configPath: string): Promise<number> {
  let config: Config;
  try {
    config = await configFrom(configPath);
  } catch (error) {
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
  try {
    const failed = await runRead(streams, state.byStream, {
      out,
      now: realDeps.now,
      open: await makeStreamOpener(api),
      shared: await makeSharedReads(api),
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
