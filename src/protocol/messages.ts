// Airbyte protocol v0 messages, and their serialization: one JSON object per line.
import type { FailureType } from '../engine/errors.js';

import type { Line } from '../output/lines.js';
import type { LinePolicy, RecordFrame } from '../output/output.js';

export type Message = Line;

/** LOG, TRACE and CONNECTION_STATUS quote text from outside (every piece of a secret goes); LOG and TRACE are
 * written at once, so a retry notice or an error is read while the connector waits. */
export const AIRBYTE_LINES: LinePolicy = {
  quotesOutside: new Set(['LOG', 'TRACE', 'CONNECTION_STATUS']),
  immediate: new Set(['LOG', 'TRACE']),
};

const heads = new Map<string, Buffer>();

/** RECORD messages of one stream and emit time; a row's own bytes go where recordMessage() puts `data`. */
export function airbyteRecords(stream: string, emittedAt: number): RecordFrame {
  let head = heads.get(stream);
  if (head === undefined) {
    head = Buffer.from(`{"type":"RECORD","record":{"stream":${JSON.stringify(stream)},"data":`);
    heads.set(stream, head);
  }
  return {
    message: (row) => recordMessage(stream, row, emittedAt),
    around: { head, tail: Buffer.from(`,"emitted_at":${emittedAt}}}\n`) },
  };
}
export type StreamStatus = 'STARTED' | 'RUNNING' | 'COMPLETE' | 'INCOMPLETE';

export function recordMessage(stream: string, data: unknown, emittedAt: number): Message {
  return { type: 'RECORD', record: { stream, data, emitted_at: emittedAt } };
}

export function stateMessage(stream: string, streamState: unknown, recordCount: number): Message {
  return {
    type: 'STATE',
    state: {
      type: 'STREAM',
      stream: { stream_descriptor: { name: stream }, stream_state: streamState },
      sourceStats: { recordCount },
    },
  };
}

export function logMessage(level: string, message: string): Message {
  return { type: 'LOG', log: { level, message } };
}

export function statusMessage(stream: string, status: StreamStatus, emittedAt: number): Message {
  return {
    type: 'TRACE',
    trace: {
      type: 'STREAM_STATUS',
      emitted_at: emittedAt,
      stream_status: { stream_descriptor: { name: stream }, status },
    },
  };
}

export function errorTrace(
  message: string,
  failureType: FailureType,
  emittedAt: number,
  stream?: string,
  internalMessage?: string,
): Message {
  const error: Record<string, unknown> = { message, failure_type: failureType };
  if (internalMessage !== undefined) error.internal_message = internalMessage;
  if (stream !== undefined) error.stream_descriptor = { name: stream };
  return { type: 'TRACE', trace: { type: 'ERROR', emitted_at: emittedAt, error } };
}

export function connectionStatus(status: 'SUCCEEDED' | 'FAILED', message: string): Message {
  return { type: 'CONNECTION_STATUS', connectionStatus: { status, message } };
}
