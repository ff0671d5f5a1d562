// The three API families in one table: the config key that holds each family's API key, the config key of
// its base URL, the name people know it by, and the root its paths live under. The API client, `check`'s
// probes and the list of streams a config can read all look a family up here.
import type { Config } from '../config/schema.js';
import type { Family } from '../stream-def.js';
import { MIB } from './body.js';

export type KeyName = 'analytics_api_key' | 'compliance_api_key' | 'admin_api_key';

export interface FamilyDef {
  keyName: KeyName;
  baseUrlKey: 'api_base_url' | 'admin_api_base_url';
  /** The API's name in errors and logs. */
  api: string;
  /** Where the family's paths live under the base URL, for a workspace or (Compliance) an organization. */
  root(ids: { workspaceId?: string; organizationId?: string }): string;
}

const id = (value: string | undefined) => encodeURIComponent(value ?? '');

export const FAMILIES: Readonly<Record<Family, FamilyDef>> = {
  analytics: {
    keyName: 'analytics_api_key',
    baseUrlKey: 'api_base_url',
    api: 'Codex Analytics API',
    root: ({ workspaceId }) => `/analytics/codex/workspaces/${id(workspaceId)}`,
  },
  compliance: {
    keyName: 'compliance_api_key',
    baseUrlKey: 'api_base_url',
    api: 'Compliance API',
    // Compliance paths of an organization (`org-…`, the COSTS logs) live under …/organizations/{id}.
    root: ({ workspaceId, organizationId }) =>
      organizationId !== undefined
        ? `/compliance/organizations/${id(organizationId)}`
        : `/compliance/workspaces/${id(workspaceId)}`,
  },
  admin: {
    keyName: 'admin_api_key',
    baseUrlKey: 'admin_api_base_url',
    api: 'OpenAI Admin API',
    root: () => '/organization',
  },
};

/** What the API client needs from the config, and nothing else: keys, base URLs and transport limits. */
export interface ApiSettings {
  keys: Partial<Record<Family, string>>;
  baseUrls: Record<Family, string>;
  timeoutMs: number;
  maxPageBytes: number;
  maxRequestsPerMinute: number;
}

const FAMILY_NAMES = Object.keys(FAMILIES) as Family[];

export function apiSettings(config: Config): ApiSettings {
  const keys: Partial<Record<Family, string>> = {};
  for (const family of FAMILY_NAMES) {
    const key = config[FAMILIES[family].keyName];
    if (key !== undefined) keys[family] = key;
  }
  return {
    keys,
    baseUrls: Object.fromEntries(
      FAMILY_NAMES.map((f) => [f, config[FAMILIES[f].baseUrlKey].replace(/\/+$/, '')]),
    ) as Record<Family, string>,
    timeoutMs: config.request_timeout_seconds * 1000,
    maxPageBytes: config.max_page_size_mb * MIB,
    maxRequestsPerMinute: config.max_requests_per_minute,
  };
}

/** The families whose key the config holds. */
export function configuredFamilies(config: Config): Set<Family> {
  return new Set(FAMILY_NAMES.filter((f) => config[FAMILIES[f].keyName] !== undefined));
}
