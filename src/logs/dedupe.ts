// Duplicate event ids within one sync, in bounded memory. Compliance delivery is at least once: the first
// lines of a log file may repeat the last lines of the file before it. Remembering the ids of the current
// file and the two before it catches those; a hard cap on the number of ids keeps a huge file from growing
// the set without bound. Duplicates across syncs (a resumed sync re-reads the file after its checkpoint)
// still reach the destination: `append_dedup` on the primary key `event_id` finishes the job there.
export class RecentIds {
  /** id → sequence number of the file it was first seen in; insertion order is file order. */
  private readonly ids = new Map<string, number>();
  private file = 0;

  constructor(
    /** Files remembered, the current one included. */
    private readonly files = 3,
    private readonly maxIds = 100_000,
  ) {}

  /** Call before the first line of each file: forgets the ids of files that fell out of the window. */
  startFile(): void {
    this.file += 1;
    for (const [id, seq] of this.ids) {
      if (seq > this.file - this.files) break;
      this.ids.delete(id);
    }
  }

  /** True the first time an id is seen inside the window, false for a duplicate. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.set(id, this.file);
    if (this.ids.size > this.maxIds) {
      const oldest = this.ids.keys().next();
      if (oldest.done !== true) this.ids.delete(oldest.value);
    }
    return true;
  }

  get size(): number {
    return this.ids.size;
  }
}
