// The keys CAT's acceptance-test-config.yml accepts, as a table (CAT's pydantic models all forbid unknown
// keys). Read from connector_acceptance_test/config.py; keys we accept but do not act on are listed in
// acceptance/README.md.

export type Field =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'any'
  | { enum: readonly string[] }
  | { object: Model }
  | { list: Field }
  | { map: Field };

export type Model = Readonly<Record<string, Field>>;

const named: Model = { name: 'string', bypass_reason: 'string' };
const backwardCompatibility: Model = { previous_connector_version: 'string', disable_for_version: 'string' };
const clientContainer: Model = {
  secrets_path: 'string',
  client_container_dockerfile_path: 'string',
  setup_command: { list: 'string' },
  teardown_command: { list: 'string' },
  between_syncs_command: { list: 'string' },
  final_teardown_command: { list: 'string' },
};
const common: Model = { config_path: 'string', timeout_seconds: 'integer', deployment_mode: 'string' };

const spec: Model = {
  ...common,
  spec_path: 'string',
  backward_compatibility_tests_config: { object: backwardCompatibility },
  auth_default_method: { object: { oauth: 'boolean', bypass_reason: 'string' } },
};
const connection: Model = { ...common, status: { enum: ['succeed', 'failed', 'exception'] } };
const discovery: Model = {
  ...common,
  backward_compatibility_tests_config: { object: backwardCompatibility },
  validate_primary_keys_data_type: 'boolean',
};
const basicRead: Model = {
  ...common,
  configured_catalog_path: 'string',
  empty_streams: { list: { object: named } },
  expect_records: { object: { bypass_reason: 'string', path: 'string', exact_order: 'boolean' } },
  validate_schema: 'boolean',
  validate_stream_statuses: 'boolean',
  validate_state_messages: 'boolean',
  validate_primary_keys_data_type: 'boolean',
  fail_on_extra_columns: 'boolean',
  validate_data_points: 'boolean',
  expect_trace_message_on_failure: 'boolean',
  file_types: {
    object: {
      bypass_reason: 'string',
      unsupported_types: { list: { object: { extension: 'string', bypass_reason: 'string' } } },
      skip_test: 'boolean',
    },
  },
  client_container_config: { object: clientContainer },
};
const fullRefresh: Model = {
  ...common,
  configured_catalog_path: 'string',
  ignored_fields: { map: { list: { object: named } } },
  client_container_config: { object: clientContainer },
};
const cursorFormat: Model = {
  format: 'string',
  streams: { list: { object: { name: 'string', format: 'string' } } },
};
const incremental: Model = {
  ...common,
  configured_catalog_path: 'string',
  future_state: {
    object: {
      future_state_path: 'string',
      missing_streams: { list: { object: named } },
      bypass_reason: 'string',
      cursor_format: { object: cursorFormat },
    },
  },
  skip_comprehensive_incremental_tests: 'boolean',
  client_container_config: { object: clientContainer },
};
const attributes: Model = {
  timeout_seconds: 'integer',
  config_path: 'string',
  streams_without_primary_key: { list: { object: named } },
  allowed_hosts: { object: { bypass_reason: 'string' } },
  suggested_streams: { object: { bypass_reason: 'string' } },
};
const documentation: Model = { timeout_seconds: 'integer', config_path: 'string' };

const suite = (test: Model): Field => ({
  object: { bypass_reason: 'string', tests: { list: { object: test } } },
});

export const CAT_CONFIG: Model = {
  connector_image: 'string',
  base_path: 'string',
  test_strictness_level: { enum: ['high', 'low'] },
  custom_environment_variables: { map: 'any' },
  acceptance_tests: {
    object: {
      spec: suite(spec),
      connection: suite(connection),
      discovery: suite(discovery),
      basic_read: suite(basicRead),
      full_refresh: suite(fullRefresh),
      incremental: suite(incremental),
      connector_attributes: suite(attributes),
      connector_documentation: suite(documentation),
      client_container_config: { object: clientContainer },
    },
  },
};

/** Returns one message per problem: unknown keys, wrong types, values outside an enum. */
export function validateShape(value: unknown, field: Field, path: string): string[] {
  const at = path || '(top level)';
  if (value === null || value === undefined) return [];
  if (field === 'any') return [];
  if (field === 'string') return typeof value === 'string' ? [] : [`${at} must be a string`];
  if (field === 'boolean') return typeof value === 'boolean' ? [] : [`${at} must be true or false`];
  if (field === 'integer') return Number.isInteger(value) ? [] : [`${at} must be an integer`];
  if ('enum' in field)
    return field.enum.includes(String(value)) ? [] : [`${at} must be one of ${field.enum.join(', ')}`];
  if ('list' in field) {
    if (!Array.isArray(value)) return [`${at} must be a list`];
    return value.flatMap((v, i) => validateShape(v, field.list, `${path}[${i}]`));
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at} must be a mapping`];
  const entries = Object.entries(value);
  if ('map' in field) return entries.flatMap(([k, v]) => validateShape(v, field.map, `${path}.${k}`));
  return entries.flatMap(([k, v]) => {
    const child = field.object[k];
    const where = path ? `${path}.${k}` : k;
    return child === undefined
      ? [`unknown key \`${where}\` (CAT rejects extra keys)`]
      : validateShape(v, child, where);
  });
}
