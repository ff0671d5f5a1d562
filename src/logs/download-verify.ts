// What makes a downloaded log file trustworthy: its bytes, streamed to disk while hashed and counted,
// match the listing's file_size and file_sha256. A short, broken or altered transfer is a retryable
// SourceError; nothing from it is ever handed on.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { SourceError } from '../engine/errors.js';
import { policyFor } from '../engine/status-policy.js';
import type { HttpResult } from '../api/http.js';

export interface LogFileTarget {
  workspaceId: string;
  /** Set for organization-scope logs (COSTS): the file is under …/compliance/organizations/{id}. */
  organizationId?: string;
  id: string;
  /** From the listing; a value the listing omits is not checked. */
  size: number | undefined;
  sha256: string | undefined;
}

export function fileHostError(status: number, target: LogFileTarget): SourceError {
  // The file host's row of the status table: its 403 is an expired signature, retried with a fresh redirect.
  // The error carries no status, so the retry loop reads `retryable` instead of the API's row for it.
  const policy = policyFor(status, 'file_host');
  return new SourceError(
    `log file ${target.id}: the file host answered ${status}${status === 403 ? ' (signed URL refused)' : ''}.`,
    { code: `LOG_FILE_HTTP_${status}`, failureType: policy.failureType, retryable: policy.retry },
  );
}

/** Streams the body to `path`, hashing and counting as it goes, then checks size and sha256. */
export async function saveVerified(res: HttpResult, target: LogFileTarget, path: string): Promise<void> {
  const hash = createHash('sha256');
  let bytes = 0;
  const count = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      hash.update(chunk);
      bytes += chunk.length;
      if (target.size !== undefined && bytes > target.size)
        throw badFile(target, `more than ${target.size} bytes`, 'LOG_FILE_TOO_LONG');
      yield chunk;
    }
  };
  try {
    await pipeline(res.body, count, createWriteStream(path));
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const detail = (error as { code?: string }).code ?? (error instanceof Error ? error.message : 'NETWORK');
    throw badFile(
      target,
      `the download broke off after ${bytes} bytes (${detail})`,
      'LOG_FILE_DOWNLOAD_BROKEN',
      error,
    );
  }
  if (target.size !== undefined && bytes !== target.size) {
    throw badFile(target, `the download ended after ${bytes} of ${target.size} bytes`, 'LOG_FILE_TRUNCATED');
  }
  const digest = hash.digest('hex');
  if (target.sha256 !== undefined && digest !== target.sha256.toLowerCase()) {
    throw badFile(
      target,
      `sha256 ${digest} does not match the listing's ${target.sha256}`,
      'LOG_FILE_SHA_MISMATCH',
    );
  }
}

function badFile(target: LogFileTarget, what: string, code: string, cause?: unknown): SourceError {
  return new SourceError(`log file ${target.id}: ${what}; nothing from this attempt was emitted.`, {
    code,
    failureType: 'transient_error',
    retryable: true,
    cause,
  });
}
