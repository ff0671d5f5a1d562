// The command line of `source-openai-codex`: a table of commands and their options, parsed strictly with
// Node's util.parseArgs, usage text generated from the same table. (yargs, used before, cost about 120 ms
// of every start: a third of what `spec` and `discover` may take; profile in the 0.2.0 changelog.)
import { parseArgs } from 'node:util';
import { configError } from './engine/errors.js';

interface OptionSpec {
  type: 'string' | 'number' | 'boolean';
  description: string;
  required?: boolean;
  /** May be given more than once (collected into an array). */
  multiple?: boolean;
}

interface CommandSpec {
  summary: string;
  options: Readonly<Record<string, OptionSpec>>;
}

const CONFIG: OptionSpec = { type: 'string', required: true, description: 'config file (JSON)' };

export const COMMANDS = {
  spec: { summary: 'Print the connector specification', options: {} },
  check: { summary: 'Probe every configured key', options: { config: CONFIG } },
  discover: { summary: 'Print the catalog of streams the keys can read', options: { config: CONFIG } },
  read: {
    summary: 'Read records',
    options: {
      config: CONFIG,
      catalog: { type: 'string', required: true, description: 'configured catalog file (JSON)' },
      state: { type: 'string', description: 'state file: an array of STATE messages (JSON)' },
    },
  },
  simulate: {
    summary: 'Run the local Codex API simulator',
    options: {
      port: { type: 'number', description: 'port of the API host (default: any free port)' },
      seed: { type: 'number', description: 'data seed (default 42)' },
      workspaces: { type: 'number', description: 'workspaces (default 2)' },
      users: { type: 'number', description: 'users per workspace (default 25)' },
      days: { type: 'number', description: 'days of data (default 30)' },
      'latency-ms': { type: 'number', description: 'latency added to every request' },
      fault: { type: 'string', multiple: true, description: 'inject a fault, e.g. status:usage:503:times=3' },
      json: { type: 'boolean', description: 'print the details as one JSON line' },
    },
  },
  demo: {
    summary: 'Sync every stream from the simulator into a local DuckDB file',
    options: { dir: { type: 'string', description: 'where the demo keeps its files (default .demo)' } },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;
export type OptionValue = string | number | boolean | string[] | undefined;
export type CommandLine =
  { command: 'help'; text: string } | { command: CommandName; options: Record<string, OptionValue> };

const NAMES = Object.keys(COMMANDS) as CommandName[];
const HINT = 'Run with --help for usage.';

function usageOf(name?: CommandName): string {
  if (name === undefined) {
    const lines = NAMES.map((n) => `  ${n.padEnd(10)} ${COMMANDS[n].summary}`);
    return `Usage: source-openai-codex <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`source-openai-codex <command> --help\` for its options.\n`;
  }
  const options: [string, OptionSpec][] = Object.entries(COMMANDS[name].options);
  const lines = options.map(
    ([o, s]) =>
      `  --${`${o}${s.type === 'boolean' ? '' : ` <${s.type}>`}`.padEnd(20)} ${s.description}${s.required ? ' (required)' : ''}`,
  );
  return `Usage: source-openai-codex ${name}${lines.length > 0 ? ' [options]' : ''}\n\n${COMMANDS[name].summary}.\n${lines.length > 0 ? `\nOptions:\n${lines.join('\n')}\n` : ''}`;
}

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && (NAMES as string[]).includes(name);
}

function parseNumber(option: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw configError('USAGE', `--${option} must be a number, got "${text}". ${HINT}`);
  }
  return value;
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [first, ...rest] = argv;
  if (first === undefined) {
    throw configError('USAGE', `Name a command: ${NAMES.join(', ')}. ${HINT}`);
  }
  if (first === '--help' || first === '-h' || first === 'help') return { command: 'help', text: usageOf() };
  if (!isCommand(first)) {
    throw configError('USAGE', `Unknown command: ${first}. Name one of: ${NAMES.join(', ')}. ${HINT}`);
  }
  const specs: Readonly<Record<string, OptionSpec>> = COMMANDS[first].options;
  const options = Object.fromEntries(
    Object.entries(specs).map(([o, s]) => [
      o,
      {
        type: s.type === 'boolean' ? ('boolean' as const) : ('string' as const),
        multiple: s.multiple === true,
      },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    // Node's messages go on with advice about `--`; the first sentence is the useful part.
    const sentence = (error instanceof Error ? error.message : String(error)).split('. ')[0] ?? '';
    throw configError('USAGE', `${first}: ${sentence.replace(/\.$/, '')}. ${HINT}`);
  }
  if (parsed.values.help === true) return { command: 'help', text: usageOf(first) };
  const values: Record<string, OptionValue> = {};
  for (const [o, s] of Object.entries(specs)) {
    const raw = parsed.values[o] as string | boolean | string[] | undefined;
    if (raw === undefined || raw === '') {
      if (s.required === true) throw configError('USAGE', `Missing required argument: ${o}. ${HINT}`);
      continue;
    }
    values[o] = s.type === 'number' && typeof raw === 'string' ? parseNumber(o, raw) : raw;
  }
  return { command: first, options: values };
}
