// Ground truth for tests: what the Compliance routes serve right now, computed from the same generators.
// Reading the truth never consumes faults; it reflects malformed-line faults already applied.
import { duplicatesAtStart, fileChunks, fileLines } from './compliance-content.js';
import { decodeFileId, fileRefsIn, type FileRef, type LogEventType } from './compliance-files.js';
import { codexEnvironments, codexTasks, type CodexRecord } from './compliance-records.js';
import { workspaceUsers, type WorkspaceUser } from './compliance-users.js';
import { fileEntry, isMalformed, type ComplianceState, type LogFileEntry } from './compliance-state.js';

export interface ComplianceTruth {
  /** Every file `/logs` lists now (retained and closed), ascending end_time. */
  files(workspaceId: string, eventType: LogEventType): LogFileEntry[];
  /** Every parseable event of every listed file, in file then line order, duplicates included. */
  events(workspaceId: string, eventType: LogEventType): Record<string, unknown>[];
  /** Distinct event ids over the listed files, in first-seen order. */
  uniqueEventIds(workspaceId: string, eventType: LogEventType): string[];
  /** A file's lines as stored (malformed line included, no transfer faults), without terminators. */
  fileLines(workspaceId: string, fileId: string): Iterable<string>;
  /** A file's exact bytes as stored, in chunks; hashing them gives its file_sha256. */
  fileBytes(workspaceId: string, fileId: string): Iterable<Buffer>;
  /** How many leading lines of a file repeat the previous file's last lines. */
  duplicatesAtStart(workspaceId: string, fileId: string): number;
  /** Ids of files that carry the malformed-line content fault. */
  malformedFileIds(): string[];
  /** Tasks as served at `atMs` (default now), in the API's id order. */
  tasks(workspaceId: string, atMs?: number): CodexRecord[];
  /** Tasks whose updated_at is strictly after `epochSeconds`, as of `atMs` (default now). */
  tasksUpdatedAfter(workspaceId: string, epochSeconds: number, atMs?: number): CodexRecord[];
  environments(workspaceId: string): CodexRecord[];
  /** Members as `/users` serves them, in id order. */
  users(workspaceId: string): WorkspaceUser[];
}

const ALL = { afterUs: -Infinity, beforeUs: Infinity, limit: Infinity };

export function complianceTruth(state: ComplianceState): ComplianceTruth {
  const { ctx } = state;
  const refOf = (workspaceId: string, fileId: string): FileRef => {
    const ref = decodeFileId(ctx.seed, workspaceId, fileId);
    if (!ref) throw new Error(`unknown log file ${fileId} in workspace ${workspaceId}`);
    return ref;
  };
  const variant = (ref: FileRef): { malformed: boolean } => ({ malformed: isMalformed(state, ref) });
  const events = (workspaceId: string, eventType: LogEventType): Record<string, unknown>[] =>
    fileRefsIn(ctx, workspaceId, eventType, ALL).flatMap((ref) =>
      parseLines(fileLines(ctx, ref, variant(ref))),
    );
  return {
    files: (workspaceId, eventType) =>
      fileRefsIn(ctx, workspaceId, eventType, ALL).map((ref) => fileEntry(state, ref)),
    events,
    uniqueEventIds: (workspaceId, eventType) => [
      ...new Set(events(workspaceId, eventType).map((e) => String(e.event_id))),
    ],
    fileLines: (workspaceId, fileId) => {
      const ref = refOf(workspaceId, fileId);
      return fileLines(ctx, ref, variant(ref));
    },
    fileBytes: (workspaceId, fileId) => {
      const ref = refOf(workspaceId, fileId);
      return fileChunks(ctx, ref, variant(ref));
    },
    duplicatesAtStart: (workspaceId, fileId) => duplicatesAtStart(ctx, refOf(workspaceId, fileId)),
    malformedFileIds: () => [...state.malformed],
    tasks: (workspaceId, atMs) => codexTasks(ctx, workspaceId, atMs),
    tasksUpdatedAfter: (workspaceId, epochSeconds, atMs) =>
      codexTasks(ctx, workspaceId, atMs).filter((t) => Number(t.updated_at) > epochSeconds),
    environments: (workspaceId) => codexEnvironments(ctx, workspaceId),
    users: (workspaceId) => workspaceUsers(ctx, workspaceId),
  };
}

function parseLines(lines: Iterable<string>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of lines) {
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // the malformed-line fault: not an event a reader can recover
    }
  }
  return out;
}
