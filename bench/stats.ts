// Medians over runs, rounding, and the facts about the machine a result came from.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The median of every numeric field present in all runs. */
export function medians<T extends object>(runs: T[]): Record<string, number> {
  const first = runs[0];
  if (first === undefined) return {};
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(first)) {
    if (typeof value !== 'number') continue;
    out[key] = round(median(runs.map((r) => (r as Record<string, unknown>)[key] as number)));
  }
  return out;
}

export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function load(): number[] {
  return loadavg().map((v) => round(v, 2));
}

function gitCommit(root: string): string | null {
  try {
    // Read-only: which commit the numbers belong to, and whether the tree had local changes.
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    const dirty =
      execFileSync('git', ['--no-optional-locks', 'status', '--porcelain'], { cwd: root })
        .toString()
        .trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

export function machine(root: string) {
  const cpu = cpus();
  return {
    nproc: cpu.length,
    cpu_model: cpu[0]?.model ?? 'unknown',
    total_mem_mb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    commit: gitCommit(root),
  };
}
