// Regenerates the stream tables in README.md and the docs page from the stream table (npm run docs).
// dist/ holds only bundles, so the table's modules are bundled here on the fly from src/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const entry = 'node_modules/.cache/gen-docs/entry.mjs';
mkdirSync('node_modules/.cache/gen-docs', { recursive: true });
await build({
  stdin: {
    contents:
      "export { STREAMS } from './src/streams.ts'; export { withStreamTable } from './src/stream-docs.ts';",
    resolveDir: '.',
    loader: 'ts',
  },
  outfile: entry,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const { STREAMS, withStreamTable } = await import(pathToFileURL(entry).href);
for (const file of ['README.md', 'docs/integrations/sources/openai-codex.md']) {
  if (!existsSync(file)) continue;
  const before = readFileSync(file, 'utf8');
  const after = withStreamTable(before, STREAMS);
  if (after !== before) {
    writeFileSync(file, after);
    console.log(`updated ${file}`);
  }
}
