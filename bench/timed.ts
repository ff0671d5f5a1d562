// Runs a child process under GNU time (`/usr/bin/time -f '%e %U %S %M'`): Node's child_process gives no
// rusage, and GNU time reports the child's own CPU seconds and peak RSS. Wall time is measured here, finer.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Timed {
  wallS: number;
  userS: number;
  sysS: number;
  cpuS: number;
  maxRssMb: number;
  code: number | null;
  /** The last 8 KiB of stderr, for failures. */
  stderrTail: string;
}

export const TIME_BIN = '/usr/bin/time';

export async function runTimed(
  dir: string,
  command: string,
  args: string[],
  onStdout: (chunk: Buffer) => void,
  env: Record<string, string> = {},
): Promise<Timed> {
  const out = join(dir, `time-${process.hrtime.bigint()}.txt`);
  const started = process.hrtime.bigint();
  const child = spawn(TIME_BIN, ['-f', '%e %U %S %M', '-o', out, command, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stdout.on('data', onStdout);
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-8192);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const fields = readFileSync(out, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  rmSync(out, { force: true });
  const [, userS = NaN, sysS = NaN, rssKb = NaN] = fields;
  return {
    wallS,
    userS,
    sysS,
    cpuS: userS + sysS,
    maxRssMb: rssKb / 1024,
    code,
    stderrTail: stderr,
  };
}
