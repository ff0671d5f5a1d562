// Runs several event generators at once and interleaves what they yield. The Compliance API budgets
// downloads per workspace, so reading workspaces one after another would leave most of the budget
// unused.
//
// A generator is resumed only after the consumer has taken its previous value. That keeps checkpoints
// safe when they are shared: a generator that advances a cursor does so after its records were handed
// on, so a state snapshot taken by any other generator never runs ahead of emitted records.

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
  const running = new Map<AsyncGenerator<T>, Promise<Step<T>>>();
  const cap = Math.max(1, limit);
  const step = (gen: AsyncGenerator<T>): void => {
    const next = gen.next().then((result) => ({ gen, result }));
    next.catch(() => undefined); // a failure surfaces through Promise.race below
    running.delete(gen); // re-inserted last, so a generator that is always ready cannot starve the others
    running.set(gen, next);
  };
  const fill = (): void => {
    while (running.size < cap) {
      const start = waiting.shift();
      if (start === undefined) return;
      step(start());
    }
  };
  try {
    fill();
    while (running.size > 0) {
      const { gen, result } = await Promise.race(running.values());
      if (result.done === true) {
        running.delete(gen);
        fill();
        continue;
      }
      yield result.value;
      step(gen);
    }
  } finally {
    const left = [...running.keys()];
    running.clear();
    await Promise.allSettled(left.map((gen) => gen.return(undefined)));
  }
}
