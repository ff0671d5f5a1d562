// Ground truth for the Compliance end-to-end tests, computed from the simulator: which files and events a
// sync from a given start should deliver.
import { compareInstants } from '../../src/logs/instants.js';
import { LOG_EVENT_TYPES } from '../../src/simulator/compliance.js';
import type { Simulator } from '../../src/simulator/index.js';
import type { RunResult } from '../helpers/protocol.js';
import { finalStates, type Json } from '../helpers/sim.js';

export type { RunResult };

export interface TruthFile {
  workspace_id: string;
  id: string;
  event_type: string;
  end_time: string;
}

export const daysAgo = (n: number): string =>
  new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Files listed now whose end_time is strictly after `after` (an ISO instant). */
export function truthFiles(sim: Simulator, after: string): TruthFile[] {
  return sim.workspaceIds.flatMap((ws) =>
    LOG_EVENT_TYPES.flatMap((type) =>
      sim.truth.compliance
        .files(ws, type)
        .filter((f) => (compareInstants(f.end_time, after) ?? 0) > 0)
        .map((f) => ({ workspace_id: ws, id: f.id, event_type: type, end_time: f.end_time })),
    ),
  );
}

/** Every parseable event of those files, as [event_id, event]. */
export function truthEvents(sim: Simulator, files: TruthFile[]): Map<string, Json> {
  const events = new Map<string, Json>();
  for (const f of files) {
    for (const line of sim.truth.compliance.fileLines(f.workspace_id, f.id)) {
      try {
        const event = JSON.parse(line) as Json;
        events.set(String(event.event_id), event);
      } catch {
        // the malformed-line fault
      }
    }
  }
  return events;
}

/** The cursor of one partition in the last state of a stream. */
export function savedCursor(
  run: RunResult,
  stream: string,
  partition: Json,
  field: string,
): string | undefined {
  const state = finalStates(run).find(
    (s) =>
      (s as { stream: { stream_descriptor: { name: string } } }).stream.stream_descriptor.name === stream,
  ) as { stream: { stream_state: { states?: { partition: Json; cursor: Json }[] } } } | undefined;
  const entry = state?.stream.stream_state.states?.find(
    (s) => JSON.stringify(s.partition) === JSON.stringify(partition),
  );
  return entry?.cursor[field] as string | undefined;
}
