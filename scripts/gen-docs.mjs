// Regenerates the stream tables in README.md and the docs page (and the docs page's Admin permissions table)
// from the stream table (npm run docs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadStreamTable } from './stream-table.mjs';

const { STREAMS, withStreamTable } = await loadStreamTable(
  'gen-docs',
  "export { withStreamTable } from './src/stream-docs.ts';",
);
for (const file of ['README.md', 'docs/integrations/sources/openai-codex.md']) {
  if (!existsSync(file)) continue;
  const before = readFileSync(file, 'utf8');
  const after = withStreamTable(before, STREAMS);
  if (after !== before) {
    writeFileSync(file, after);
    console.log(`updated ${file}`);
  }
}
