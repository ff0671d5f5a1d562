// Regenerates the stream tables in README.md and the docs page from the built stream table (npm run docs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const { STREAMS } = await import('../dist/streams.js');
const { withStreamTable } = await import('../dist/stream-docs.js');
for (const file of ['README.md', 'docs/integrations/sources/openai-codex.md']) {
  if (!existsSync(file)) continue;
  const before = readFileSync(file, 'utf8');
  const after = withStreamTable(before, STREAMS);
  if (after !== before) {
    writeFileSync(file, after);
    console.log(`updated ${file}`);
  }
}
