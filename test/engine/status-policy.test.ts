// The status table is the one place that decides what a status means: for each status, the retry loop makes
// exactly the attempts it lists, and the API and file-host error builders carry the failure_type it lists.
import { describe, expect, it } from 'vitest';
import { fileHostError } from '../../src/logs/download-verify.js';
import { errorForStatus } from '../../src/api/errors.js';
import type { SourceError } from '../../src/engine/errors.js';
import { withRetry } from '../../src/engine/retry.js';
import { policyFor, STATUS_POLICY } from '../../src/engine/status-policy.js';

const AUTH = { keyName: 'analytics_api_key', key: 'k3yk3yk3yk3yk3y', api: 'Codex Analytics' };
const TARGET = { workspaceId: 'ws', id: 'eclf_1', size: undefined, sha256: undefined };
const STATUSES = [...Object.keys(STATUS_POLICY).map(Number), 418, 501, 599];

/** Attempts the retry loop makes before giving up on an error that keeps coming. */
async function attemptsFor(error: SourceError): Promise<number> {
  let attempts = 0;
  const deps = { sleep: async () => undefined, log: () => undefined, random: () => 0 };
  await withRetry(
    'GET /x',
    async () => {
      attempts++;
      throw error;
    },
    deps,
  ).catch(() => undefined);
  return attempts;
}

describe('the status table', () => {
  it.each(STATUSES)(
    'given an API answer %i, then the retry loop and the error agree with the table',
    async (status) => {
      const policy = policyFor(status);
      const error = errorForStatus(status, {}, '{"error":{"message":"nope"}}', 'GET /usage', AUTH);
      expect(error.failureType).toBe(policy.failureType);
      expect(await attemptsFor(error)).toBe(policy.retry ? policy.maxAttempts : 1);
    },
  );

  it.each(STATUSES)(
    'given a file-host answer %i, then the download error agrees with its row',
    async (status) => {
      const policy = policyFor(status, 'file_host');
      const error = fileHostError(status, TARGET);
      expect(error.failureType).toBe(policy.failureType);
      expect(error.retryable).toBe(policy.retry);
      expect(await attemptsFor(error)).toBe(policy.retry ? 6 : 1);
    },
  );

  it('keys and scopes are the user to fix, throttling gets more patience than a 5xx, 422 is not retried', () => {
    expect([401, 403, 404].map((s) => policyFor(s).failureType)).toEqual(Array(3).fill('config_error'));
    expect(policyFor(429).maxAttempts).toBeGreaterThan(policyFor(503).maxAttempts);
    expect(policyFor(422).retry).toBe(false);
    expect(policyFor(599)).toEqual(policyFor(500));
  });

  it("given the file host's 403 (an expired signature, no key involved), then it is retried, unlike the API's", () => {
    expect(policyFor(403, 'file_host').retry).toBe(true);
    expect(policyFor(403).retry).toBe(false);
    expect(policyFor(401, 'file_host').failureType).toBe('system_error');
  });
});
