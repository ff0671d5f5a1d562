// What the Compliance family remembers between requests: only digests of generated files and which files
// carry the malformed-line content fault. Everything else is recomputed from the seed on demand.
import { randomBytes } from 'node:crypto';
import { digestFile, type FileDigest } from './compliance-content.js';
import { endUsOf, fileIdOf, type FileRef, type LogEventType } from './compliance-files.js';
import { isoMicros, logFileName } from './compliance-time.js';
import type { SimContext } from './types.js';

export interface ComplianceState {
  ctx: SimContext;
  /** (size, sha256) per file content, so a file's bytes are generated once for the listing, not kept. */
  digests: Map<string, FileDigest>;
  /** Ids of files whose content has a malformed line: a content fault, so it sticks once applied. */
  malformed: Set<string>;
  /** HMAC key of the signed download URLs. */
  urlKey: Buffer;
}

/** One entry of the `/logs` listing. */
export interface LogFileEntry {
  id: string;
  event_type: LogEventType;
  end_time: string;
  file_name: string;
  file_size: number;
  file_sha256: string;
}

export function createState(ctx: SimContext): ComplianceState {
  return { ctx, digests: new Map(), malformed: new Set(), urlKey: randomBytes(32) };
}

export function isMalformed(state: ComplianceState, ref: FileRef): boolean {
  return state.malformed.has(fileIdOf(state.ctx.seed, ref));
}

/**
 * Apply a pending `malformed_line` fault for this file, if any. The fault is about content, so it is
 * taken when the file is first seen (listed or downloaded) and the listing then hashes the bad bytes.
 */
export function takeMalformedFault(state: ComplianceState, ref: FileRef): void {
  const id = fileIdOf(state.ctx.seed, ref);
  if (state.malformed.has(id)) return;
  if (state.ctx.faults.take('log_file', 'malformed_line', id)) state.malformed.add(id);
}

export function digestOf(state: ComplianceState, ref: FileRef): FileDigest {
  const { ctx } = state;
  const malformed = isMalformed(state, ref);
  const o = ctx.options;
  const key = [
    ctx.seed,
    fileIdOf(ctx.seed, ref),
    o.eventsPerFile,
    o.eventPaddingBytes,
    o.users,
    malformed,
  ].join('|');
  let digest = state.digests.get(key);
  if (!digest) {
    digest = digestFile(ctx, ref, { malformed });
    state.digests.set(key, digest);
  }
  return digest;
}

export function fileEntry(state: ComplianceState, ref: FileRef): LogFileEntry {
  const endUs = endUsOf(state.ctx, ref);
  const { size, sha256 } = digestOf(state, ref);
  return {
    id: fileIdOf(state.ctx.seed, ref),
    event_type: ref.eventType,
    end_time: isoMicros(endUs),
    file_name: logFileName(ref.eventType, endUs),
    file_size: size,
    file_sha256: sha256,
  };
}
