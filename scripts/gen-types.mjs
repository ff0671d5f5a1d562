// npm run gen: regenerate src/generated/ from schemas/*.json.
// node scripts/gen-types.mjs --check: write nothing; exit 1 listing every file that differs (CI drift check).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GENERATED_DIR, ROOT, generateAll } from './gen-types-lib.mjs';

async function existingFiles() {
  const dir = path.join(ROOT, GENERATED_DIR);
  const names = await readdir(dir).catch(() => []);
  return names.filter((n) => n.endsWith('.ts')).map((n) => `${GENERATED_DIR}/${n}`);
}

async function readOrNull(file) {
  return readFile(path.join(ROOT, file), 'utf8').catch(() => null);
}

async function drifted(files) {
  const out = [];
  for (const [file, content] of files) if ((await readOrNull(file)) !== content) out.push(file);
  for (const file of await existingFiles()) if (!files.has(file)) out.push(`${file} (no schema)`);
  return out;
}

async function write(files) {
  await mkdir(path.join(ROOT, GENERATED_DIR), { recursive: true });
  for (const file of await existingFiles()) if (!files.has(file)) await rm(path.join(ROOT, file));
  for (const [file, content] of files) {
    if ((await readOrNull(file)) !== content) await writeFile(path.join(ROOT, file), content);
  }
}

const files = await generateAll();
if (process.argv.includes('--check')) {
  const stale = await drifted(files);
  if (stale.length > 0) {
    console.error(`Generated types are stale; run npm run gen:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`src/generated is up to date (${files.size} files).`);
} else {
  await write(files);
  console.log(`Wrote ${files.size} files to ${GENERATED_DIR}/.`);
}
