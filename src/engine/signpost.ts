// Cursors never pass the signpost: the time a stream's sync began. Data stamped later (clock skew, an API bug)
// is still emitted, but a cursor moved past the signpost would make the next sync ask only for data after that
// future time and skip everything real in between, for good (Compliance files expire after 30 days). So such a
// cursor stops at the signpost, and the stream says so once per sync.
import type { SyncEvent } from './types.js';

export class FutureStamps {
  private warned = false;

  constructor(
    private readonly stream: string,
    /** The signpost as the user reads it: an ISO instant. */
    private readonly signpost: string,
  ) {}

  /** A WARN the first time a stream meets data stamped after its signpost; nothing after that. */
  warning(what: string, stamp: string | number, cursorAt: string | number): SyncEvent[] {
    if (this.warned) return [];
    this.warned = true;
    return [
      {
        type: 'log',
        level: 'WARN',
        message: `${this.stream}: ${what} is stamped ${show(stamp)}, after this sync began (${this.signpost}); it is emitted, but the cursor stops at ${show(cursorAt)} so the next sync skips nothing. The API's clock or data is wrong; report it if this persists.`,
      },
    ];
  }
}

/** Numeric cursors are Unix seconds (the Admin audit log's effective_at): shown with their instant. */
function show(value: string | number): string {
  if (typeof value === 'string') return value;
  const ms = value * 1000;
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15
    ? `${value} (${new Date(ms).toISOString()})`
    : String(value);
}
