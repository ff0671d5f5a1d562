import { describe, expect, it } from 'vitest';
import { parseConfig, parseJsonText } from '../src/config/load.js';
import { isLoopbackHost } from '../src/config/loopback.js';
import { secretKeys } from '../src/config/schema.js';

const WS = '0b9c2f1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const good = { workspace_ids: [WS], analytics_api_key: 'sk-analytics-abcdef123456' };

function messageOf(raw: unknown): string {
  try {
    parseConfig(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('config', () => {
  it('applies the contract defaults', () => {
    const c = parseConfig(good);
    expect(c).toMatchObject({
      lookback_days: 7,
      page_size: 30000,
      max_requests_per_minute: 100,
      request_timeout_seconds: 60,
      email_handling: 'keep',
      content_handling: 'keep',
      compliance_event_types: ['CODEX_LOG', 'CODEX_SECURITY_LOG'],
      api_base_url: 'https://api.chatgpt.com/v1',
      admin_api_base_url: 'https://api.openai.com/v1',
    });
  });

  it('accepts unknown keys and an admin-only config without workspace_ids', () => {
    expect(parseConfig({ admin_api_key: 'sk-admin-x', something_new: true })).toMatchObject({
      something_new: true,
    });
  });

  it('accepts any upper-case Compliance event type, so a new one needs no release', () => {
    const types = ['CODEX_LOG', 'AUTH_LOG', 'SOME_FUTURE_LOG2'];
    expect(parseConfig({ ...good, compliance_event_types: types }).compliance_event_types).toEqual(types);
  });

  it('accepts an organization id', () => {
    expect(parseConfig({ ...good, organization_id: 'org-AbC123' }).organization_id).toBe('org-AbC123');
  });

  it.each([
    [{}, /no API key given/],
    [{ analytics_api_key: 'k' }, /`workspace_ids` is required with an Analytics or Compliance key/],
    [{ ...good, workspace_ids: ['nope'] }, /`workspace_ids\[0\]` must be a workspace UUID/],
    [{ ...good, workspace_ids: [] }, /`workspace_ids` must list at least one/],
    [{ ...good, start_date: '2026-1-5' }, /`start_date` must look like 2026-01-31/],
    [{ ...good, start_date: '2026-02-30' }, /`start_date` is not a real calendar day/],
    [{ ...good, lookback_days: 31 }, /`lookback_days` must be 0 to 30/],
    [{ ...good, admin_bucket_width: '1w' }, /`admin_bucket_width` must be 1d, 1h or 1m/],
    [{ ...good, lookback_days: 'seven' }, /`lookback_days`/],
    [{ ...good, page_size: 0 }, /`page_size` must be 1 to 30000/],
    [{ ...good, api_base_url: 'http://api.example.com/v1' }, /`api_base_url` must use https/],
    [{ ...good, admin_api_base_url: 'ftp://x/v1' }, /`admin_api_base_url` must be an https URL/],
    [{ ...good, email_handling: 'hash' }, /`hash_salt` is required/],
    [
      { ...good, compliance_event_types: ['codex_log'] },
      /`compliance_event_types\[0\]` must be an upper-case Compliance event type/,
    ],
    [
      { ...good, compliance_event_types: ['CODEX LOG'] },
      /`compliance_event_types\[0\]` must be an upper-case Compliance event type/,
    ],
    [
      { ...good, organization_id: 'acme' },
      /`organization_id` must be an OpenAI organization id such as org-/,
    ],
    [{ ...good, organization_id: 'org-' }, /`organization_id` must be an OpenAI organization id/],
    [[1, 2], /must be a JSON object/],
  ])('rejects %j with a message naming the key', (raw, pattern) => {
    expect(messageOf(raw)).toMatch(pattern);
  });

  it('never echoes a secret value in its messages', () => {
    const secret = 'sk-very-secret-value-0123456789';
    const message = messageOf({ analytics_api_key: secret, admin_api_key: 42 });
    expect(message).not.toContain(secret);
    expect(message).not.toContain('very-secret');
  });

  it('reports invalid JSON by position, never quoting the text', () => {
    expect(() => parseJsonText('{"admin_api_key": sk-admin-secret}', 'config file c.json')).toThrow(
      /config file c.json is not valid JSON.*fix its syntax/,
    );
    try {
      parseJsonText('{"admin_api_key": sk-admin-secret}', 'config');
    } catch (error) {
      expect((error as Error).message).not.toContain('sk-admin');
    }
  });

  it('allows http only on loopback', () => {
    expect(['localhost', '127.0.0.1', '127.9.8.7', '[::1]', '::1'].every(isLoopbackHost)).toBe(true);
    expect(
      ['10.0.0.1', '127.0.0.1.example.com', 'localhost.evil.com', '128.0.0.1'].some(isLoopbackHost),
    ).toBe(false);
  });

  it('knows every secret key from the schema', () => {
    expect([...secretKeys()].sort()).toEqual([
      'admin_api_key',
      'analytics_api_key',
      'compliance_api_key',
      'hash_salt',
    ]);
  });
});
