// The directory holding this package's package.json (and schemas/ beside it), whether the code runs from
// src/ (tests), from the bundle in dist/, or from an installed copy under node_modules/.
import { existsSync, readFileSync } from 'node:fs';

function find(): URL {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const manifest = new URL('package.json', dir);
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'source-openai-codex') return dir;
    }
    if (dir.pathname === '/') throw new Error('source-openai-codex: cannot find its package.json');
  }
}

let root: URL | undefined;

/** A file URL under the package root, e.g. `packageFile('schemas/usage.json')`. */
export function packageFile(path: string): URL {
  root ??= find();
  return new URL(path, root);
}
