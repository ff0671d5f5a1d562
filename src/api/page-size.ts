// The largest page an endpoint accepts. We ask for the size the reference documents (Codex Analytics: up to
// 30,000 rows) and, when the API answers 422 naming `limit`, step down and remember the size it took for the
// rest of the sync, so later windows and workspaces do not pay for the refusal again.
import { SourceError } from '../engine/errors.js';

/** Sizes tried after a refusal, largest first. */
export const PAGE_SIZE_STEPS = [30_000, 10_000, 5_000, 2_000, 1_000, 500, 100] as const;

/** True for the 422 that says the `limit` parameter is out of range, in any of the detail styles. */
export function refusesLimit(error: unknown): boolean {
  if (!(error instanceof SourceError) || error.status !== 422) return false;
  const said = error.message.split('The API said:')[1] ?? '';
  return /\blimit\b/i.test(said);
}

/** The next size below `size`: a maximum the API stated in its message, else the next step. */
export function smallerSize(size: number, message: string): number | null {
  const stated = [...message.matchAll(/\b(\d{1,6})\b/g)]
    .map((m) => Number(m[1]))
    .filter((n) => n >= 2 && n < size); // "between 1 and N" states a floor, not a size
  if (stated.length > 0) return Math.max(...stated);
  const step = PAGE_SIZE_STEPS.find((s) => s < size);
  return step ?? (size > 1 ? 1 : null);
}

export class PageSizes {
  private readonly accepted = new Map<string, number>();

  /** The size to ask for on `route`: the one it accepted before, else `wanted`. */
  sizeFor(route: string, wanted: number): number {
    return Math.min(this.accepted.get(route) ?? wanted, wanted);
  }

  /** After a 422 naming limit: the size to try next on `route` (remembered), or null when none is left. */
  stepDown(route: string, refused: number, error: SourceError): number | null {
    const next = smallerSize(refused, error.message.split('The API said:')[1] ?? '');
    if (next !== null) this.accepted.set(route, next);
    return next;
  }
}

/**
 * Pages of one request, asking for `wanted` rows a page (or the size `route` accepted before). A 422 naming
 * `limit` before any row was handed out retries with a smaller size; after rows, it fails as any error does.
 */
export async function* sizedPages<T>(
  sizes: PageSizes,
  route: string,
  wanted: number,
  open: (size: number) => AsyncIterable<T>,
  log: (message: string) => void,
): AsyncGenerator<T> {
  let size = sizes.sizeFor(route, wanted);
  for (;;) {
    let handedOut = false;
    try {
      for await (const page of open(size)) {
        handedOut = true;
        yield page;
      }
      return;
    } catch (error) {
      if (handedOut || !refusesLimit(error)) throw error;
      const next = sizes.stepDown(route, size, error as SourceError);
      if (next === null) throw error;
      log(`${route}: the API refused a page of ${size} rows (422 on limit); asking for ${next} from now on.`);
      size = next;
    }
  }
}
