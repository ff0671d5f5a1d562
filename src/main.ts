#!/usr/bin/env node
// Entry point: the command line (cli.ts) → the commands. Protocol commands write only protocol messages to
// stdout; `--help` prints usage there because a person asked for it.
import { parseCommandLine, type OptionValue } from './cli.js';
import * as commands from './commands.js';
import { onStopSignal } from './lifecycle.js';
import { readRunEnv } from './run-env.js';

const str = (v: OptionValue): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: OptionValue): number | undefined => (typeof v === 'number' ? v : undefined);

async function main(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv);
  if (line.command === 'help') {
    process.stdout.write(line.text);
    return 0;
  }
  const o = line.options;
  if (line.command !== 'simulate' && line.command !== 'demo') onStopSignal(commands.terminated);
  switch (line.command) {
    case 'spec':
      return commands.spec();
    case 'check':
      return commands.check(str(o.config) ?? '', readRunEnv());
    case 'discover':
      return commands.discover(str(o.config) ?? '');
    case 'read':
      return commands.read(str(o.config) ?? '', str(o.catalog) ?? '', str(o.state), readRunEnv());
    case 'simulate': {
      const { runSimulate } = await import('./simulator/cli.js');
      await runSimulate({
        port: num(o.port),
        seed: num(o.seed),
        workspaces: num(o.workspaces),
        users: num(o.users),
        days: num(o.days),
        latencyMs: num(o['latency-ms']),
        faults: Array.isArray(o.fault) ? o.fault : undefined,
        json: o.json === true,
      });
      return 0;
    }
    case 'demo': {
      const { runDemo } = await import('./demo/index.js');
      return runDemo({ dir: str(o.dir) });
    }
  }
}

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  code = await commands.fail(error);
}
await commands.out.flush();
process.exitCode = code;
