// The stream table for scripts: dist/ holds only bundles, so src/streams.ts (and what it imports) is bundled
// on the fly, and its STREAMS (plus any other export asked for) returned.
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** `exports`: extra `export … from` lines for the bundle's entry (e.g. the docs generator's functions). */
export async function loadStreamTable(name, exports = '') {
  const dir = `node_modules/.cache/${name}`;
  mkdirSync(dir, { recursive: true });
  const entry = `${dir}/entry.mjs`;
  await build({
    stdin: {
      contents: `export { STREAMS } from './src/streams.ts';\n${exports}`,
      resolveDir: '.',
      loader: 'ts',
    },
    outfile: entry,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(entry).href}?t=${Date.now()}`);
}
