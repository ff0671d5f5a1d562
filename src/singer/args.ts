// The Singer command line: --config, then --discover, or a sync with --catalog (or the legacy --properties)
// and --state. Parsed strictly, so a typo is a usage error instead of a silent full sync.
import { parseArgs } from 'node:util';
import { configError } from '../engine/errors.js';

export const USAGE =
  'Usage: tap-openai-codex --config CONFIG [--discover | --catalog CATALOG] [--state STATE] (also --properties, --help, --version).';

export type TapArgs =
  | { mode: 'help' | 'version' }
  | { mode: 'discover'; config: string }
  | { mode: 'sync'; config: string; catalog: string | undefined; state: string | undefined };

const OPTIONS = {
  config: { type: 'string' },
  discover: { type: 'boolean' },
  catalog: { type: 'string' },
  properties: { type: 'string' },
  state: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // node's messages run on with advice about `--`; the first sentence is the useful part.
    const first = (error instanceof Error ? error.message : String(error)).split('. ')[0] ?? '';
    throw configError('USAGE', `${first.replace(/\.$/, '')}. ${USAGE}`);
  }
}

export function parseTapArgs(argv: string[]): TapArgs {
  const v = parse(argv);
  if (v.help === true) return { mode: 'help' };
  if (v.version === true) return { mode: 'version' };
  if (v.config === undefined) throw configError('USAGE', `--config is required. ${USAGE}`);
  const catalog = v.catalog ?? v.properties;
  if (v.discover === true) {
    if (catalog !== undefined || v.state !== undefined)
      throw configError('USAGE', `--discover takes only --config. ${USAGE}`);
    return { mode: 'discover', config: v.config };
  }
  return { mode: 'sync', config: v.config, catalog, state: v.state };
}
