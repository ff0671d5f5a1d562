// The oldest day an API serves, asked for exactly. Codex Analytics serves the 90 complete days before today, so
// a first sync starts at today-90 00:00 UTC; should a server count differently (its clock a little ahead, a
// boundary taken as exclusive) and refuse that start with a 422, the window starts one day later instead, once,
// and the stream says so. Anything else, or a refusal after rows were emitted, fails as usual.
import { addDays } from './dates.js';
import { SourceError } from './errors.js';

/** How a read's events are told apart: data (after which a refusal is a real failure) and a WARN to yield. */
export interface BoundaryEvents<E> {
  isData(event: E): boolean;
  warn(message: string): E[];
}

export async function* fromBoundary<E>(
  streams: string,
  startDay: string,
  read: (startDay: string) => AsyncIterable<E>,
  events: BoundaryEvents<E>,
): AsyncGenerator<E> {
  let emitted = false;
  try {
    for await (const event of read(startDay)) {
      if (events.isData(event)) emitted = true;
      yield event;
    }
  } catch (error) {
    if (emitted || !(error instanceof SourceError) || error.status !== 422) throw error;
    const next = addDays(startDay, 1);
    yield* events.warn(
      `${streams}: the API refused ${startDay}, the oldest day it should serve (422: ${error.message}); reading from ${next} instead, so ${startDay} is not synced.`,
    );
    yield* read(next);
  }
}
