// Checks as data: a suite is a table of named functions over one prepared input; each gives an Outcome.
// A check that throws fails with the error's message, so one broken check never hides the others.

export type Outcome =
  | { status: 'pass'; detail?: string }
  | { status: 'fail'; detail: string }
  | { status: 'skip'; detail: string };

export interface Check<T> {
  name: string;
  run(input: T): Outcome | Promise<Outcome>;
}

/** `id` is `suite/check`, with `[n]` after the suite when the YAML gives it several tests. */
export type Result = Outcome & { id: string };

export const pass = (detail?: string): Outcome => ({ status: 'pass', detail });
export const fail = (detail: string): Outcome => ({ status: 'fail', detail });
export const skip = (detail: string): Outcome => ({ status: 'skip', detail });

/** Passes when `problems` is empty, else fails listing the first few. */
export function noProblems(problems: readonly string[], passDetail?: string): Outcome {
  if (problems.length === 0) return pass(passDetail);
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  return fail(problems.slice(0, 5).join('; ') + more);
}

export async function runChecks<T>(prefix: string, checks: readonly Check<T>[], input: T): Promise<Result[]> {
  const results: Result[] = [];
  for (const check of checks) {
    let outcome: Outcome;
    try {
      outcome = await check.run(input);
    } catch (error) {
      outcome = fail(`check crashed: ${error instanceof Error ? error.message : String(error)}`);
    }
    results.push({ id: `${prefix}/${check.name}`, ...outcome });
  }
  return results;
}

export function formatResult(r: Result): string {
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').slice(0, 600);
  if (r.status === 'pass') return `PASS ${r.id}${r.detail ? ` (${oneLine(r.detail)})` : ''}`;
  if (r.status === 'skip') return `SKIP ${r.id}: ${oneLine(r.detail)}`;
  return `FAIL ${r.id}: ${oneLine(r.detail)}`;
}

export function summary(results: readonly Result[]): { passed: number; failed: number; line: string } {
  const passed = results.filter((r) => r.status === 'pass').length;
  const failed = results.filter((r) => r.status === 'fail').length;
  return { passed, failed, line: `${passed} passed, ${failed} failed` };
}
