// Runs several event generators at once and interleaves what they yield. The Compliance API budgets
// downloads per workspace, so reading workspaces one after another would leave most of the budget
// unused.
//
// A generator is resumed only after the consumer has taken its previous value. That keeps checkpoints
// safe when they are shared: a generator that advances a cursor does so after its records were handed
// on, so a state snapshot taken by any other generator never runs ahead of emitted records.
//
// Settled steps queue up in the order they settle, and the consumer waits on one wake-up. Not
// Promise.race: each race adds a reaction to every promise still pending, and that reaction keeps the race's
// result (a batch of records) alive until the slow generator settles, so memory grew with file size.

interface Step<T> {
  gen: AsyncGenerator<T>;
  result: IteratorResult<T>;
}

/**
 * Yields the values of `starts()`'s generators as they come, running up to `limit` at once. When one
 * fails, the others are stopped (their `finally` blocks run) and the error is rethrown.
 */
export async function* mergeGenerators<T>(
  starts: readonly (() => AsyncGenerator<T>)[],
  limit: number,
): AsyncGenerator<T> {
  const waiting = [...starts];
  const live = new Set<AsyncGenerator<T>>();
  const ready: Step<T>[] = [];
  const cap = Math.max(1, limit);
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const step = (gen: AsyncGenerator<T>): void => {
    gen.next().then(
      (result) => {
        ready.push({ gen, result });
        wake?.();
      },
      (error: unknown) => {
        failure ??= { error };
        wake?.();
      },
    );
  };
  const fill = (): void => {
    while (live.size < cap) {
      const start = waiting.shift();
      if (start === undefined) return;
      const gen = start();
      live.add(gen);
      step(gen);
    }
  };
  try {
    fill();
    while (live.size > 0) {
      if (failure !== undefined) throw failure.error;
      const next = ready.shift();
      if (next === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if (next.result.done === true) {
        live.delete(next.gen);
        fill();
        continue;
      }
      yield next.result.value;
      step(next.gen);
    }
  } finally {
    const left = [...live];
    live.clear();
    await Promise.allSettled(left.map((gen) => gen.return(undefined)));
  }
}
