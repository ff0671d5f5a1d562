// Per-partition cursors, in the shape Airbyte's low-code CDK uses for partitioned streams:
// {"states":[{"partition":{"workspace_id":"…"},"cursor":{"date":"2026-11-01"}}]}
import { z } from 'zod';
import type { Partition } from './types.js';

export type CursorValue = string | number;

export interface PartitionState {
  partition: Partition;
  cursor: Record<string, CursorValue>;
}

export interface StreamState {
  states?: PartitionState[];
  [key: string]: unknown;
}

const partitionedSchema = z.object({
  states: z.array(
    z.object({
      partition: z.record(z.string(), z.string()),
      cursor: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});

/** True when a stream_state has the shape this connector writes (an empty object counts: no cursors yet). */
export function isRecognizedState(value: unknown): value is StreamState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.keys(value).length === 0) return true;
  return partitionedSchema.safeParse(value).success;
}

export function partitionKey(partition: Partition): string {
  return JSON.stringify(Object.entries(partition).sort(([a], [b]) => a.localeCompare(b)));
}

export class PartitionCursors {
  private readonly byKey = new Map<string, PartitionState>();

  constructor(
    private readonly cursorField: string,
    prior: StreamState | undefined,
  ) {
    for (const entry of prior?.states ?? []) {
      const value = entry.cursor[cursorField];
      if (value !== undefined) this.byKey.set(partitionKey(entry.partition), entry);
    }
  }

  get(partition: Partition): CursorValue | undefined {
    return this.byKey.get(partitionKey(partition))?.cursor[this.cursorField];
  }

  set(partition: Partition, value: CursorValue): void {
    this.byKey.set(partitionKey(partition), {
      partition: { ...partition },
      cursor: { [this.cursorField]: value },
    });
  }

  /** Keeps partitions that are no longer configured, so removing a workspace and adding it back loses nothing. */
  snapshot(): StreamState {
    return {
      states: [...this.byKey.values()].map((s) => ({
        partition: { ...s.partition },
        cursor: { ...s.cursor },
      })),
    };
  }
}
