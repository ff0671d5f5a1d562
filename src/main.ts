#!/usr/bin/env node
// Entry point: the command table. Protocol commands write only protocol messages to stdout.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import * as commands from './commands.js';
import { configError } from './engine/errors.js';

// yargs starts a command's handler before it checks demandOption, so required options are checked here.
function need(value: string | undefined, option: string): string {
  if (value === undefined || value === '') {
    throw configError('USAGE', `Missing required argument: ${option}. Run with --help for usage.`);
  }
  return value;
}

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

void yargs(hideBin(process.argv))
  .scriptName('source-openai-codex')
  .command('spec', 'Print the connector specification', {}, run(commands.spec))
  .command('check', 'Probe every configured key', { config: { type: 'string' } }, (a) =>
    run(() => commands.check(need(a.config, 'config')))(),
  )
  .command('discover', 'Print the catalog', { config: { type: 'string' } }, (a) =>
    run(() => commands.discover(need(a.config, 'config')))(),
  )
  .command(
    'read',
    'Read records',
    {
      config: { type: 'string' },
      catalog: { type: 'string' },
      state: { type: 'string' },
    },
    (a) => run(() => commands.read(need(a.config, 'config'), need(a.catalog, 'catalog'), a.state))(),
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
