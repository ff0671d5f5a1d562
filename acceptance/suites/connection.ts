// connection: `check` answers exactly one CONNECTION_STATUS with the expected status and exits 0; for
// `exception`, it exits non-zero with exactly one TRACE ERROR that carries a message.
import type { TestEntry } from '../cat-config.js';
import { describeRun, type RunResult } from '../connector.js';
import { configPathOf, protocolCheck, timeoutOf, type RunContext } from '../context.js';
import { ofType, tracesOf } from '../messages.js';
import { fail, pass, runChecks, type Check, type Outcome, type Result } from '../results.js';

interface ConnectionInput {
  run: RunResult;
  expected: 'succeed' | 'failed' | 'exception';
}

const WANT = { succeed: 'SUCCEEDED', failed: 'FAILED' } as const;

function status(i: ConnectionInput): Outcome {
  if (i.expected === 'exception') {
    const errors = tracesOf(i.run.messages, 'ERROR');
    if (errors.length !== 1)
      return fail(`${errors.length} TRACE ERROR messages, want 1; ${describeRun(i.run)}`);
    return errors[0]?.error?.message ? pass(errors[0].error.message) : fail('the TRACE ERROR has no message');
  }
  const statuses = ofType(i.run.messages, 'CONNECTION_STATUS');
  if (statuses.length !== 1)
    return fail(`${statuses.length} CONNECTION_STATUS messages, want 1; ${describeRun(i.run)}`);
  const got = statuses[0]?.connectionStatus;
  return got?.status === WANT[i.expected]
    ? pass(`${got.status}: ${got.message ?? ''}`)
    : fail(`want ${WANT[i.expected]}, got ${String(got?.status)}: ${got?.message ?? ''}`);
}

export function connectionChecks(ctx: RunContext): Check<ConnectionInput>[] {
  return [
    { name: 'status', run: status },
    {
      name: 'exit_code',
      run: (i) => {
        const ok = i.expected === 'exception' ? i.run.code !== 0 : i.run.code === 0;
        return ok ? pass(`exit ${String(i.run.code)}`) : fail(describeRun(i.run));
      },
    },
    protocolCheck(ctx, (i) => i.run),
  ];
}

export async function runConnection(ctx: RunContext, test: TestEntry, prefix: string): Promise<Result[]> {
  const run = await ctx.connector.check(configPathOf(ctx, test), timeoutOf(ctx, test));
  return runChecks(prefix, connectionChecks(ctx), { run, expected: test.status ?? 'succeed' });
}
