// The line-level rules of Compliance log files: what counts as an event, what a malformed line does
// (fail naming the file and line, or be skipped and counted when skip_malformed_log_lines is on), and the
// end-of-stream summary of skipped lines and dropped duplicates.
import { SourceError } from '../engine/errors.js';
import { partitionText } from './listing.js';
import type { LogFileRef } from './sync-files.js';
import type { Partition, Row, SyncEvent } from '../engine/types.js';

/**
 * One line of a downloaded file: its parsed JSON (and its size in bytes), or why it did not parse (never
 * quoting the line), or that it was longer than the line limit (`tooLongBytes`) and was not read whole.
 */
/** A parsed line (`raw`: its bytes, where they can stand for the value: raw-json.ts), or why it is not one. */
export type LogLine =
  | { line: number; value: unknown; bytes?: number; raw?: Buffer }
  | { line: number; error: string; tooLongBytes?: number };

/** A downloaded, verified file, until `dispose` removes it. */
export interface LocalLogFile {
  lines(): AsyncIterable<LogLine>;
  dispose(): Promise<void>;
}

export interface Tally {
  duplicates: number;
  malformed: string[];
  /** Retry lines from downloads running in the background, handed out at the next yield. */
  logs: string[];
}

/** The event of a line, or why it is not one. */
export function eventOf(line: LogLine): (Row & { event_id: string }) | string {
  if ('error' in line) return line.tooLongBytes !== undefined ? 'too long' : `not JSON (${line.error})`;
  const value = line.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const row = value as Row;
  if (typeof row.event_id !== 'string' || row.event_id === '') return 'no event_id';
  return row as Row & { event_id: string };
}

export function malformed(
  stream: { skipMalformed: boolean },
  partition: Partition,
  file: LogFileRef,
  logLine: LogLine,
  reason: string,
  tally: Tally,
): void {
  const line = logLine.line;
  if (stream.skipMalformed) {
    tally.malformed.push(`${file.id} line ${line}`);
    return;
  }
  const limit = 'tooLongBytes' in logLine ? logLine.tooLongBytes : undefined;
  if (limit !== undefined) {
    throw new SourceError(
      `log file ${file.id} (${partitionText(partition)}) line ${line} is longer than max_log_line_size_mb (${Math.round(limit / 2 ** 20)} MB) and was not read. Raise max_log_line_size_mb (up to 256), or set skip_malformed_log_lines to skip and count such lines.`,
      { code: 'LOG_LINE_TOO_LONG', failureType: 'system_error' },
    );
  }
  throw new SourceError(
    `log file ${file.id} (${partitionText(partition)}) line ${line} is malformed: ${reason}. Its sha256 matched, so the file itself is bad; set skip_malformed_log_lines to skip and count such lines.`,
    { code: 'MALFORMED_LOG_LINE', failureType: 'system_error' },
  );
}

export function* summary(stream: string, tally: Tally): Generator<SyncEvent> {
  const skipped = tally.malformed;
  if (skipped.length > 0) {
    const shown = skipped.slice(0, 10).join(', ');
    yield {
      type: 'log',
      level: 'WARN',
      message: `${stream}: skipped ${skipped.length} malformed log line(s) (skip_malformed_log_lines is on): ${shown}${skipped.length > 10 ? ', …' : ''}.`,
    };
  }
  if (tally.duplicates > 0) {
    yield {
      type: 'log',
      level: 'INFO',
      message: `${stream}: dropped ${tally.duplicates} duplicate event(s) repeated across log files (delivery is at least once; append_dedup on event_id removes any left across syncs).`,
    };
  }
}

export function* drainLogs(tally: Tally): Generator<SyncEvent> {
  for (const message of tally.logs.splice(0)) yield { type: 'log', level: 'WARN', message };
}
