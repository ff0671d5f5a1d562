// Compliance rows → records: each gets the `workspace_id` it was read from; log events also name the file
// they came from; Codex tasks get their times as ISO 8601 UTC strings.
import { SourceError } from '../engine/errors.js';
import type { Partition, Row } from '../engine/types.js';
import { requireString } from './common.js';

export function shapeWithWorkspace(stream: string): (row: Row, partition: Partition) => Row[] {
  return (row, partition) => {
    requireString(row, 'id', stream);
    return [{ ...row, workspace_id: partition.workspace_id ?? '' }];
  };
}

/**
 * The fields an event gains: its workspace, and its file (`log_file_id`, and `log_file_end_time` as the
 * listing's text), which the partition carries. Only string fields are added, so the log pipeline can add
 * them to the line's bytes too (StreamDef.addedFields, logs/raw-json.ts).
 */
export function logEventFields(_row: Row, partition: Partition): Record<string, string> {
  return {
    workspace_id: partition.workspace_id ?? '',
    log_file_id: partition.log_file_id ?? '',
    log_file_end_time: partition.log_file_end_time ?? '',
  };
}

/** Events are fresh from JSON.parse and used once, so the fields are added in place. */
export function shapeLogEvent(row: Row, partition: Partition): Row[] {
  return [Object.assign(row, logEventFields(row, partition))];
}

/**
 * `created_at` / `updated_at` come as Unix seconds (or ISO strings in some deployments); both become
 * `2026-11-01T10:00:00.000Z`, always with milliseconds, so the schema's date-time holds and the cursor
 * compares correctly as text. A task without any usable update time has no cursor: an API fault.
 */
export function shapeCodexTask(row: Row, partition: Partition): Row[] {
  requireString(row, 'id', 'codex_tasks');
  const createdAt = isoTime(row.created_at);
  const updatedAt = isoTime(row.updated_at) ?? createdAt;
  if (updatedAt === null) {
    throw new SourceError(`codex_tasks: task ${String(row.id)} has no usable updated_at or created_at.`, {
      code: 'MALFORMED_ROW',
      failureType: 'system_error',
    });
  }
  return [
    { ...row, created_at: createdAt, updated_at: updatedAt, workspace_id: partition.workspace_id ?? '' },
  ];
}

/** A workspace member; `created_at` normalized like a task's (Unix seconds or ISO → ISO 8601). */
export function shapeComplianceUser(row: Row, partition: Partition): Row[] {
  requireString(row, 'id', 'compliance_users');
  const createdAt = 'created_at' in row ? { created_at: isoTime(row.created_at) } : {};
  return [{ ...row, ...createdAt, workspace_id: partition.workspace_id ?? '' }];
}

/** ISO 8601 UTC with milliseconds, or null when the value is absent or not a time. */
export function isoTime(value: unknown): string | null {
  let ms: number;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Unix seconds; a value this large can only be milliseconds (seconds would be past the year 5000).
    ms = Math.abs(value) >= 1e11 ? value : value * 1000;
  } else if (typeof value === 'string' && value.trim() !== '') {
    ms = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value);
  } else {
    return null;
  }
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(Math.round(ms)).toISOString() : null;
}
