// The bytes of a log file, produced line by line and never held whole: benchmark files reach gigabytes.
// Delivery is at least once across files, so the first 1-2 lines of a file repeat the last lines of the
// file before it (same type and workspace), byte for byte.
import { createHash } from 'node:crypto';
import { buildEvent } from './compliance-events.js';
import type { FileRef } from './compliance-files.js';
import { memoize } from './compliance-rng.js';
import { randInt } from './random.js';
import type { SimContext } from './types.js';

export interface ContentVariant {
  /** Content fault: the middle line lost its closing brace. The listing hashes these bytes. */
  malformed: boolean;
  /** Transfer fault: one byte of the middle line's event_id differs from what the listing hashes. */
  corrupt?: boolean;
}

const CHUNK_BYTES = 64 * 1024;
/** Offset of the first event_id character in a line: `{"event_id":"` is 13 characters. */
const EVENT_ID_OFFSET = 13;

/** How many leading lines repeat the previous file's last lines (never the whole file). */
export const duplicatesAtStart = memoize(
  (ctx: SimContext, ref: FileRef) =>
    `${ctx.seed}|${ctx.options.eventsPerFile}|${ref.workspaceId}|${ref.eventType}|${ref.index}`,
  (ctx: SimContext, ref: FileRef): number => {
    const lines = ctx.options.eventsPerFile;
    if (lines <= 1) return 0;
    return Math.min(lines - 1, randInt(ctx.seed, 1, 2, 'dups', ref.workspaceId, ref.eventType, ref.index));
  },
);

/** Alternate files end with and without a final newline; the API does both. */
export function endsWithNewline(ref: FileRef): boolean {
  return ref.index % 2 === 0;
}

/** The line faults touch: the middle one, which is not a duplicate whenever a file has 5+ lines. */
export function faultLineOf(ctx: SimContext): number {
  return Math.floor(ctx.options.eventsPerFile / 2);
}

/** The event at a line, following duplicates back to the file that first held it. */
export function eventAt(ctx: SimContext, ref: FileRef, line: number): Record<string, unknown> {
  let at = ref;
  let l = line;
  // Terminates: each step back moves to a later line (lines − dups + l > l) of an earlier file.
  for (let dups = duplicatesAtStart(ctx, at); l < dups; dups = duplicatesAtStart(ctx, at)) {
    l = ctx.options.eventsPerFile - dups + l;
    at = { ...at, index: at.index - 1 };
  }
  return buildEvent(ctx, at, l);
}

/** The file's lines as stored (no transfer faults), without line terminators. */
export function* fileLines(ctx: SimContext, ref: FileRef, v: ContentVariant): Generator<string> {
  const faultLine = faultLineOf(ctx);
  for (let line = 0; line < ctx.options.eventsPerFile; line++) {
    let text = JSON.stringify(eventAt(ctx, ref, line));
    if (line === faultLine && v.malformed) text = text.slice(0, -1);
    if (line === faultLine && v.corrupt) text = flipEventIdChar(text);
    yield text;
  }
}

function flipEventIdChar(text: string): string {
  const c = text[EVENT_ID_OFFSET] === 'a' ? 'b' : 'a';
  return text.slice(0, EVENT_ID_OFFSET) + c + text.slice(EVENT_ID_OFFSET + 1);
}

/** The file's bytes in chunks of about 64 KiB. */
export function* fileChunks(ctx: SimContext, ref: FileRef, v: ContentVariant): Generator<Buffer> {
  const last = ctx.options.eventsPerFile - 1;
  const finalNewline = endsWithNewline(ref);
  let pending: string[] = [];
  let pendingLength = 0;
  let line = 0;
  for (const text of fileLines(ctx, ref, v)) {
    const piece = line < last || finalNewline ? `${text}\n` : text;
    pending.push(piece);
    pendingLength += piece.length;
    line++;
    if (pendingLength >= CHUNK_BYTES) {
      yield Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingLength = 0;
    }
  }
  if (pending.length > 0) yield Buffer.from(pending.join(''), 'utf8');
}

export interface FileDigest {
  size: number;
  sha256: string;
}

/** Size and SHA-256 of a file's bytes, streamed through the hash: the bytes are never kept. */
export function digestFile(ctx: SimContext, ref: FileRef, v: ContentVariant): FileDigest {
  const hash = createHash('sha256');
  let size = 0;
  for (const chunk of fileChunks(ctx, ref, v)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}
