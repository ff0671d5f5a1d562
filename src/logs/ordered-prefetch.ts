// Overlapping slow fetches (log file downloads) with bounded concurrency while handing results out
// strictly in source order, so a checkpoint after each item stays a safe resume point.
export interface Fetched<T, R> {
  item: T;
  value: R;
}

interface Pending<T, R> {
  item: T;
  value: Promise<R>;
}

/**
 * Yields `{item, value: await fetch(item)}` in the order of `source`, with up to `depth` fetches running
 * ahead of the item the consumer is working on. A failed fetch surfaces at its own position, after the
 * items before it; a failing source surfaces once the items already read from it are handed out. When the
 * consumer stops early or something fails, values fetched ahead are passed to `dispose`.
 */
export async function* orderedPrefetch<T, R>(
  source: AsyncIterable<T>,
  fetch: (item: T) => Promise<R>,
  depth: number,
  dispose: (value: R) => Promise<void>,
): AsyncGenerator<Fetched<T, R>> {
  const it = source[Symbol.asyncIterator]();
  const queue: Pending<T, R>[] = [];
  let ended = false;
  let sourceError: { error: unknown } | undefined;
  const limit = Math.max(1, depth);
  const fill = async (): Promise<void> => {
    while (!ended && queue.length < limit) {
      let next: IteratorResult<T>;
      try {
        next = await it.next();
      } catch (error) {
        sourceError = { error };
        ended = true;
        return;
      }
      if (next.done === true) {
        ended = true;
        return;
      }
      const item = next.value;
      const value = Promise.resolve().then(() => fetch(item));
      value.catch(() => undefined); // handled when its turn comes, not as an unhandled rejection
      queue.push({ item, value });
    }
  };
  try {
    for (;;) {
      await fill();
      const head = queue.shift();
      if (head === undefined) {
        if (sourceError !== undefined) throw sourceError.error;
        return;
      }
      const value = await head.value;
      await fill(); // start the next downloads before the consumer spends time on this one
      yield { item: head.item, value };
    }
  } finally {
    const left = queue.splice(0);
    await Promise.allSettled(left.map(async (p) => dispose(await p.value)));
    if (!ended) await it.return?.();
  }
}
