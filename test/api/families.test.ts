// The family table: each family's key, base URL and path root in one place, and the settings the API client
// gets from the config (nothing more).
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client.js';
import { apiSettings, configuredFamilies, FAMILIES } from '../../src/api/families.js';
import { configSchema } from '../../src/config/schema.js';

const config = configSchema.parse({
  workspace_ids: ['0b9c2f1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b'],
  analytics_api_key: 'analytics-key-000000',
  admin_api_key: 'sk-admin-000000000000',
  api_base_url: 'http://127.0.0.1:9/v1///',
  admin_api_base_url: 'http://127.0.0.1:8/v1',
  max_requests_per_minute: 42,
  request_timeout_seconds: 7,
  max_page_size_mb: 3,
});

describe('api/families.ts', () => {
  it('settings carry the keys that are set, base URLs without trailing slashes, and the limits', () => {
    const s = apiSettings(config);
    expect(s.keys).toEqual({ analytics: 'analytics-key-000000', admin: 'sk-admin-000000000000' });
    expect(s.baseUrls).toEqual({
      analytics: 'http://127.0.0.1:9/v1',
      compliance: 'http://127.0.0.1:9/v1',
      admin: 'http://127.0.0.1:8/v1',
    });
    expect(s).toMatchObject({ timeoutMs: 7000, maxPageBytes: 3 * 1024 * 1024, maxRequestsPerMinute: 42 });
    expect(configuredFamilies(config)).toEqual(new Set(['analytics', 'admin']));
  });

  it('the client builds every URL from the table, and knows only the keys it was given', () => {
    const client = new ApiClient(
      apiSettings(config),
      { now: Date.now, sleep: async () => {}, log: () => {} },
      't',
    );
    expect(client.url('analytics', '/usage', 'ws 1').href).toBe(
      'http://127.0.0.1:9/v1/analytics/codex/workspaces/ws%201/usage',
    );
    expect(client.url('compliance', '/logs', 'ws-1').pathname).toBe('/v1/compliance/workspaces/ws-1/logs');
    expect(client.url('compliance', '/logs', undefined, 'org-1').pathname).toBe(
      '/v1/compliance/organizations/org-1/logs',
    );
    expect(client.url('admin', '/projects').href).toBe('http://127.0.0.1:8/v1/organization/projects');
    expect(client.keyFor('compliance')).toBeUndefined();
    expect(client.keyFor('admin')).toMatchObject({
      keyName: FAMILIES.admin.keyName,
      api: 'OpenAI Admin API',
    });
    expect(Object.keys(client)).not.toContain('config');
  });
});
