#!/usr/bin/env node
// Entry point of the Singer tap `tap-openai-codex`: the Airbyte source's config, stream table and engine behind
// the Singer adapter in singer/. stdout carries the catalog or Singer messages only; logs go to stderr.
import { readRunEnv } from './run-env.js';
import { readJsonFile } from './config/load.js';
import { asSourceError } from './engine/errors.js';
import { onStopSignal } from './lifecycle.js';
import { Output, Redactor } from './output/output.js';
import { SINGER_LINES } from './singer/messages.js';
import { parseTapArgs, USAGE } from './singer/args.js';
import { singerCatalog } from './singer/catalog.js';
import { StderrLog } from './singer/log.js';
import { runSingerRead } from './singer/read.js';
import { defaultSelection, parseSingerCatalog } from './singer/selection.js';
import { loadSingerState } from './singer/state.js';
import {
  availableStreams,
  loadConfigWithSecrets,
  makeApiClient,
  makeSharedReads,
  makeStreamOpener,
  realDeps,
  VERSION,
} from './wiring.js';

const redactor = new Redactor();
const out = new Output(process.stdout, redactor, SINGER_LINES);
const log = new StderrLog(process.stderr, redactor);

function print(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(`${text}\n`, () => resolve()));
}

async function discover(configPath: string): Promise<number> {
  const config = await loadConfigWithSecrets(configPath, redactor);
  await print(JSON.stringify(singerCatalog(availableStreams(config)), null, 2));
  return 0;
}

async function sync(configPath: string, catalogPath?: string, statePath?: string): Promise<number> {
  const config = await loadConfigWithSecrets(configPath, redactor);
  const available = availableStreams(config);
  const streams =
    catalogPath === undefined
      ? defaultSelection(available)
      : parseSingerCatalog(await readJsonFile(catalogPath, 'catalog'), available);
  const state = await loadSingerState(statePath);
  for (const warning of state.warnings) log.write('WARN', warning);
  if (streams.length === 0) {
    log.write('WARN', 'No stream is selected in the catalog; nothing to sync.');
    return 0;
  }
  const api = await makeApiClient(config, (m) => log.write('WARN', m), 'tap-openai-codex', readRunEnv());
  try {
    const open = await makeStreamOpener(api, config, (m) => log.write('WARN', m));
    const shared = await makeSharedReads(api, config);
    const deps = { out, log, now: realDeps.now, open, shared };
    const failed = await runSingerRead(streams, state.bookmarks, deps);
    if (failed.length === 0) return 0;
    log.write(
      'ERROR',
      `Sync finished with failed streams: ${failed.join(', ')}. Their last STATE is a safe resume point.`,
    );
    return 1;
  } finally {
    await out.flush();
    await api.close();
  }
}

async function main(argv: string[]): Promise<number> {
  try {
    const args = parseTapArgs(argv);
    if (args.mode === 'discover') return await discover(args.config);
    if (args.mode === 'sync') return await sync(args.config, args.catalog, args.state);
    await print(args.mode === 'help' ? USAGE : VERSION);
    return 0;
  } catch (error) {
    // One line, no stack trace; the redactor has every secret the config held.
    const e = asSourceError(error);
    await out.flush();
    log.write('CRITICAL', `${e.message} [${e.code}]`);
    return 1;
  }
}

onStopSignal((signal) => {
  out.seal();
  log.write(
    'CRITICAL',
    `Terminated by ${signal}; the last STATE emitted is a safe resume point. [TERMINATED]`,
  );
});
process.exitCode = await main(process.argv.slice(2));
