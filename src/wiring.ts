// Wiring both entry points share (the Airbyte source in commands.ts, the Singer tap in tap.ts): the version,
// real clocks, config with its secrets registered for redaction, the API client, the stream opener. Where
// logs go differs (Airbyte LOG messages on stdout, Singer's stderr), so the log sink is a parameter.
import type { RunEnv } from './run-env.js';
import { readFileSync } from 'node:fs';
import type { ApiClient } from './api/client.js';
import { loadConfig } from './config/load.js';
import { packageFile } from './package-root.js';
import { secretKeys, type Config } from './config/schema.js';
import type { Redactor } from './output/output.js';
import type { SharedOpener, StreamOpener } from './sources.js';
import type { StreamDef } from './stream-def.js';
import { STREAMS } from './streams.js';
import { configuredFamilies } from './api/families.js';

export const VERSION = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string })
  .version;

export const realDeps = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** Loads and validates the config, and registers every secret in it before anything can be printed. */
export async function loadConfigWithSecrets(path: string, redactor: Redactor): Promise<Config> {
  const config = await loadConfig(path);
  for (const key of secretKeys())
    redactor.add((config as Record<string, unknown>)[key] as string | undefined);
  return config;
}

/** The streams the configured keys can read. Needs no network. */
export function availableStreams(config: Config): StreamDef[] {
  const families = configuredFamilies(config);
  return STREAMS.filter(
    (s) => families.has(s.family) && (s.needs === undefined || config[s.needs] !== undefined),
  );
}

// The HTTP stack (undici, the API layer, the planners) loads only when a sync needs it, so spec and
// discover answer fast.
export async function makeApiClient(
  config: Config,
  log: (message: string) => void,
  product: string,
  env: RunEnv = {},
): Promise<ApiClient> {
  const { ApiClient } = await import('./api/client.js');
  const { apiSettings } = await import('./api/families.js');
  return new ApiClient(
    apiSettings(config),
    { ...realDeps, retryBaseMs: env.retryBaseMs, log },
    `${product}/${VERSION}`,
  );
}

/** `log` writes a WARN at once (background retries, long waits). */
export async function makeStreamOpener(
  api: ApiClient,
  config: Config,
  log?: (message: string) => void,
): Promise<StreamOpener> {
  const { makeOpener } = await import('./sources.js');
  return makeOpener(api, config, { ...realDeps, log });
}

/** Reads shared by streams that send identical requests (the Airbyte source's READ loop). */
export async function makeSharedReads(api: ApiClient, config: Config): Promise<SharedOpener> {
  const { makeSharedOpener } = await import('./sources.js');
  return makeSharedOpener(api, config, realDeps);
}
