// The one source of truth for configuration: this zod schema validates config files and produces the
// spec's connectionSpecification (z.toJSONSchema, with Airbyte's keywords given through .meta()).
import { z } from 'zod';
import { isDay } from '../engine/dates.js';
import { isLoopbackHost } from './loopback.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ORG_ID = /^org-[A-Za-z0-9]{1,64}$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const HANDLING = ['keep', 'hash', 'drop'] as const;
/** The default Compliance event types: Codex's own. */
export const EVENT_TYPES = ['CODEX_LOG', 'CODEX_SECURITY_LOG'] as const;
/** Any type the API may add (AUTH_LOG, …): read without a release, its events land in compliance_logs. */
const EVENT_TYPE = /^[A-Z][A-Z0-9_]{0,63}$/;

// A newline or other control character (usually a copy-paste accident) cannot go into an HTTP header: say so
// here, naming the key, instead of retrying a request that can never be sent. The value is never quoted.
const hasControlChar = (text: string): boolean =>
  [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

// always_show: Airbyte's form folds every field the spec does not require under "Optional fields". No key is
// required on its own (any one of the three will do), so the keys, workspace_ids and start_date are shown anyway.
const secret = (order: number, title: string, description: string, alwaysShow = false) =>
  z
    .string()
    .min(1, 'must not be empty')
    .refine((v) => !hasControlChar(v), {
      message:
        'contains a newline or another control character (a copy-paste accident?): paste the key again',
    })
    .meta({ airbyte_secret: true, order, title, description, ...(alwaysShow ? { always_show: true } : {}) });

const baseUrl = (order: number, title: string, fallback: string, description: string) =>
  z
    .url('must be a URL such as https://api.example.com/v1')
    .default(fallback)
    .meta({ order, title, description, examples: [fallback] });

export const configSchema = z
  .looseObject({
    workspace_ids: z
      .array(
        z
          .string()
          .regex(
            UUID,
            'must be a workspace UUID such as 0b9c2f1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b (ChatGPT admin console → Settings)',
          )
          .meta({ pattern_descriptor: 'UUID, e.g. 0b9c2f1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b' }),
      )
      .min(1, 'must list at least one workspace id')
      .optional()
      .meta({
        order: 0,
        always_show: true,
        title: 'Workspace IDs',
        description:
          'ChatGPT Enterprise workspace UUIDs to read. Required with an Analytics or Compliance key.',
        examples: [['0b9c2f1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b']],
      }),
    analytics_api_key: secret(
      1,
      'Codex Analytics API key',
      'A workspace Admin key with the "Codex analytics API = Read" permission, self-serve in the ChatGPT admin console (a key with the codex.enterprise.analytics.read scope from OpenAI support also works).',
      true,
    ).optional(),
    compliance_api_key: secret(
      2,
      'Compliance API key',
      'Workspace key with the Compliance API permissions (Codex logs, tasks, environments, users; with organization_id, Codex costs). One Admin key may carry both the analytics and the compliance permissions: then give it here too.',
      true,
    ).optional(),
    admin_api_key: secret(
      3,
      'OpenAI Admin API key',
      'Organization Admin key (sk-admin-…) for usage, costs, audit logs, users and projects.',
      true,
    ).optional(),
    start_date: z
      .string()
      .regex(DAY, 'must look like 2026-01-31')
      .optional()
      .meta({
        order: 4,
        always_show: true,
        title: 'Start date',
        description:
          'First UTC day to read on a first sync. Default: as far back as each API serves (Analytics: 90 days, Compliance: 30 days).',
        examples: ['2026-09-01'],
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        pattern_descriptor: 'YYYY-MM-DD',
        format: 'date',
      }),
    lookback_days: z
      .int('must be a whole number of days')
      .min(0, 'must be 0 to 30')
      .max(30, 'must be 0 to 30')
      .default(7)
      .meta({
        order: 5,
        title: 'Lookback days',
        description:
          'Days re-read before the saved cursor on every incremental sync, to pick up restated data.',
      }),
    compliance_event_types: z
      .array(
        z
          .string('must be a string')
          .regex(EVENT_TYPE, 'must be an upper-case Compliance event type such as CODEX_LOG or AUTH_LOG')
          .meta({ pattern_descriptor: 'upper case, e.g. CODEX_LOG' }),
      )
      .min(1, 'must list at least one event type')
      .default([...EVENT_TYPES])
      .meta({
        order: 6,
        title: 'Compliance event types',
        description:
          'Which Compliance log files to read: CODEX_LOG and CODEX_SECURITY_LOG by default; any other upper-case type the API offers (e.g. AUTH_LOG) is read too, its events landing in compliance_logs unchanged.',
        examples: [['CODEX_LOG', 'CODEX_SECURITY_LOG']],
      }),
    email_handling: z.enum(HANDLING, { error: 'must be keep, hash or drop' }).default('keep').meta({
      order: 7,
      title: 'Email handling',
      description:
        'For every field named email or ending in _email, at any depth: keep, hash (salted SHA-256) or drop.',
    }),
    content_handling: z.enum(HANDLING, { error: 'must be keep, hash or drop' }).default('keep').meta({
      order: 8,
      title: 'Content handling',
      description:
        'For prompt and response text and tool input/output in Compliance events: keep, hash or drop.',
    }),
    hash_salt: secret(
      9,
      'Hash salt',
      'Salt for hashing: hex SHA-256 of salt + lower-cased trimmed value.',
    ).optional(),
    skip_malformed_log_lines: z.boolean('must be true or false').default(false).meta({
      order: 10,
      title: 'Skip malformed log lines',
      description: 'Skip (and count) Compliance log lines that are not JSON instead of failing the stream.',
    }),
    api_base_url: baseUrl(
      11,
      'Codex API base URL',
      'https://api.chatgpt.com/v1',
      'Analytics and Compliance host (for a proxy or the local simulator).',
    ),
    admin_api_base_url: baseUrl(
      12,
      'Admin API base URL',
      'https://api.openai.com/v1',
      'OpenAI Admin API host.',
    ),
    max_requests_per_minute: z
      .int('must be a whole number')
      .min(1, 'must be 1 to 1000')
      .max(1000, 'must be 1 to 1000')
      .default(100)
      .meta({
        order: 13,
        title: 'Max requests per minute',
        description:
          'Client-side budget per workspace and route: the API limit of 100/min, counted over 62 s; lower it if a proxy or shared key uses the same limit.',
      }),
    page_size: z
      .int('must be a whole number')
      .min(1, 'must be 1 to 30000')
      .max(30000, 'must be 1 to 30000')
      .default(30000)
      .meta({
        order: 14,
        title: 'Analytics page size',
        description:
          'Rows per Analytics page: the largest the API serves; a smaller size the API asks for is used instead.',
      }),
    request_timeout_seconds: z
      .int('must be a whole number of seconds')
      .min(1, 'must be 1 to 600')
      .max(600, 'must be 1 to 600')
      .default(60)
      .meta({
        order: 15,
        title: 'Request timeout (s)',
        description:
          'Total deadline of each request, body included (a log file download gets 1 s more per MiB of the file).',
      }),
    max_page_size_mb: z
      .int('must be a whole number of MB')
      .min(1, 'must be 1 to 256')
      .max(256, 'must be 1 to 256')
      .default(64)
      .meta({
        order: 16,
        title: 'Max page size (MB)',
        description: 'Largest JSON response read; a larger one fails the stream (PAGE_TOO_LARGE).',
      }),
    max_log_line_size_mb: z
      .int('must be a whole number of MB')
      .min(1, 'must be 1 to 256')
      .max(256, 'must be 1 to 256')
      .default(32)
      .meta({
        order: 17,
        title: 'Max log line size (MB)',
        description:
          'Longest Compliance log line read; a longer one fails the stream (LOG_LINE_TOO_LONG), or is skipped and counted with skip_malformed_log_lines.',
      }),
    organization_id: z
      .string()
      .regex(
        ORG_ID,
        'must be an OpenAI organization id such as org-AbC123dEf456 (platform.openai.com → Settings → Organization → General)',
      )
      .optional()
      .meta({
        order: 18,
        title: 'Organization ID',
        pattern_descriptor: 'org- followed by letters and digits, e.g. org-AbC123dEf456',
        description:
          'OpenAI organization id (org-…). When set, the Compliance key also reads codex_costs (Codex billing per user and hour) from the organization-scope Compliance logs.',
        examples: ['org-AbC123dEf456'],
      }),
    admin_bucket_width: z.enum(['1d', '1h', '1m'], { error: 'must be 1d, 1h or 1m' }).default('1d').meta({
      order: 19,
      title: 'Admin usage bucket width',
      description:
        'Time bucket of the Admin usage streams: 1d (daily), 1h or 1m. Costs are always daily (the API serves no other width).',
    }),
  })
  .superRefine((config, ctx) => {
    const keys = [config.analytics_api_key, config.compliance_api_key, config.admin_api_key];
    if (keys.every((k) => k === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['analytics_api_key'],
        message: 'no API key given: set at least one of analytics_api_key, compliance_api_key, admin_api_key',
      });
    }
    if (
      (config.analytics_api_key ?? config.compliance_api_key) !== undefined &&
      config.workspace_ids === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['workspace_ids'],
        message: 'is required with an Analytics or Compliance key: list your ChatGPT workspace UUIDs',
      });
    }
    if (config.email_handling === 'hash' || config.content_handling === 'hash') {
      if (config.hash_salt === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['hash_salt'],
          message:
            'is required when email_handling or content_handling is hash: set a secret salt so hashes cannot be reversed by lookup',
        });
    }
    for (const key of ['api_base_url', 'admin_api_base_url'] as const) {
      // zod runs this refinement even when the field itself already failed; skip what is not a URL.
      if (typeof config[key] !== 'string' || !URL.canParse(config[key])) continue;
      const url = new URL(config[key]);
      if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'must use https (http is allowed only for localhost, 127.0.0.0/8 and [::1])',
        });
      } else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', path: [key], message: 'must be an https URL' });
      }
    }
    if (typeof config.start_date === 'string' && DAY.test(config.start_date) && !isDay(config.start_date)) {
      ctx.addIssue({
        code: 'custom',
        path: ['start_date'],
        message: 'is not a real calendar day; it must look like 2026-01-31',
      });
    } else if (
      typeof config.start_date === 'string' &&
      DAY.test(config.start_date) &&
      config.start_date > todayUtc()
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['start_date'],
        message: `is after today (${todayUtc()}, UTC), so there is nothing to read yet: set a day up to today`,
      });
    }
  });

/** Today as YYYY-MM-DD in UTC, the calendar start_date is compared in. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export type Config = z.output<typeof configSchema>;

let secretKeyCache: readonly string[] | undefined;

/** The names of config keys that hold secrets, read from the schema so a new secret is redacted automatically.
 * Computed on first use: generating the JSON Schema costs time that `spec` and `discover` need not pay twice. */
export function secretKeys(): readonly string[] {
  secretKeyCache ??= Object.entries(
    (
      z.toJSONSchema(configSchema, { io: 'input' }) as {
        properties: Record<string, { airbyte_secret?: boolean }>;
      }
    ).properties,
  )
    .filter(([, field]) => field.airbyte_secret === true)
    .map(([name]) => name);
  return secretKeyCache;
}
