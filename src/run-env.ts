// The environment's knobs, read once by each entry point (main.ts, tap.ts) and passed down: nothing below the
// entry points reads process.env. Both exist for tests, which shorten waits that are minutes in production.
export interface RunEnv {
  /** SOURCE_OPENAI_CODEX_RETRY_BASE_MS: the backoff base of every retry (API pages and log downloads). */
  retryBaseMs?: number;
  /** SOURCE_OPENAI_CODEX_PROGRESS_MS: how often a long read logs its progress. */
  progressEveryMs?: number;
}

const positive = (value: string | undefined): number | undefined => {
  const n = Number(value ?? '');
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

export function readRunEnv(env: NodeJS.ProcessEnv = process.env): RunEnv {
  return {
    retryBaseMs: positive(env.SOURCE_OPENAI_CODEX_RETRY_BASE_MS),
    progressEveryMs: positive(env.SOURCE_OPENAI_CODEX_PROGRESS_MS),
  };
}
