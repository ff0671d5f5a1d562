#!/usr/bin/env node
// Entry point: the command table. Protocol commands write only protocol messages to stdout.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import * as commands from './commands.js';
import { configError } from './engine/errors.js';

const run = (fn: () => Promise<number>) => async () => {
  let code: number;
  try {
    code = await fn();
  } catch (error) {
    code = await commands.fail(error);
  }
  await commands.out.flush();
  process.exitCode = code;
};

await yargs(hideBin(process.argv))
  .scriptName('source-openai-codex')
  .command('spec', 'Print the connector specification', {}, run(commands.spec))
  .command('check', 'Probe every configured key', { config: { type: 'string', demandOption: true } }, (a) =>
    run(() => commands.check(a.config))(),
  )
  .command('discover', 'Print the catalog', { config: { type: 'string', demandOption: true } }, (a) =>
    run(() => commands.discover(a.config))(),
  )
  .command(
    'read',
    'Read records',
    {
      config: { type: 'string', demandOption: true },
      catalog: { type: 'string', demandOption: true },
      state: { type: 'string' },
    },
    (a) => run(() => commands.read(a.config, a.catalog, a.state))(),
  )
  .command(
    'simulate',
    'Run the local Codex API simulator',
    {
      port: { type: 'number', default: 0 },
      seed: { type: 'number' },
      workspaces: { type: 'number' },
      users: { type: 'number' },
      days: { type: 'number' },
      'latency-ms': { type: 'number' },
      fault: { type: 'string', array: true },
      json: { type: 'boolean', default: false },
    },
    async (a) => {
      const { runSimulate } = await import('./simulator/cli.js');
      await runSimulate({ ...a, latencyMs: a['latency-ms'], faults: a.fault });
    },
  )
  .command(
    'demo',
    'Sync every stream from the simulator into a local DuckDB file',
    { dir: { type: 'string' } },
    async (a) => {
      const { runDemo } = await import('./demo/index.js');
      process.exitCode = await runDemo({ dir: a.dir });
    },
  )
  .demandCommand(1, 'Name a command: spec, check, discover, read, simulate or demo.')
  .strict()
  .fail(async (message, error) => {
    process.exitCode = await commands.fail(
      error ?? configError('USAGE', `${message} Run with --help for usage.`),
    );
  })
  .help()
  .parseAsync();
