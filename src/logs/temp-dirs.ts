// Temporary folders (downloaded log files) that outlive no process: each is registered while it exists, so a
// signal handler (lifecycle.ts) can remove what an interrupted sync leaves, synchronously, before exiting.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();

export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  live.add(dir);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  live.delete(dir);
  await rm(dir, { recursive: true, force: true });
}

/** For a signal handler: no await, so nothing else runs before the process exits. */
export function removeTempDirsNow(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}
