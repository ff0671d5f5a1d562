// The contract checkers themselves: each notices the drift it exists for, on a mutated copy of the vendored
// spec or a request the spec does not allow. Without these, a checker that reports nothing would look green.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { undeclaredProperties } from './coverage.js';
import { cloneSpec, errorsOf, loadSpec, responseSchema, validatorFor, type JsonSchema } from './openapi.js';
import { limitMaxima, requestProblems } from './requests.js';

const spec = loadSpec();
const schemaOf = (stream: string) => JSON.parse(readFileSync(`schemas/${stream}.json`, 'utf8')) as object;
const USAGE = '/v1/organization/usage/completions';

describe('the vendored spec', () => {
  it('names its source commit and holds every Admin operation the streams read', () => {
    expect(spec['x-vendored-from'].commit).toMatch(/^[0-9a-f]{40}$/);
    expect(Object.keys(spec.paths).length).toBeGreaterThanOrEqual(20);
    expect(spec.components.schemas['UsageCompletionsResult']).toBeDefined();
  });
});

describe('schema coverage checker', () => {
  it('given a spec with one field added to UsageCompletionsResult, reports exactly that field', () => {
    const mutated = cloneSpec(spec);
    const result = mutated.components.schemas['UsageCompletionsResult'] as {
      properties: Record<string, JsonSchema>;
    };
    result.properties['input_fancy_tokens'] = { type: 'integer' };
    const schema = schemaOf('organization_completions_usage');
    const before = undeclaredProperties(spec, 'UsageCompletionsResult', schema);
    expect(undeclaredProperties(mutated, 'UsageCompletionsResult', schema)).toEqual([
      ...before,
      'UsageCompletionsResult.input_fancy_tokens',
    ]);
  });

  it('given a field added one level down (Invite.projects[].name), reports it', () => {
    const mutated = cloneSpec(spec);
    const invite = mutated.components.schemas['Invite'] as {
      properties: { projects: { items: { properties: Record<string, JsonSchema> } } };
    };
    invite.properties.projects.items.properties['name'] = { type: 'string' };
    const names = ['object', 'id', 'email', 'role', 'status', 'created_at', 'expires_at', 'accepted_at'];
    const declared = {
      properties: {
        ...Object.fromEntries(names.map((n) => [n, {}])),
        projects: { items: { properties: { id: {}, role: {} } } },
      },
    };
    expect(undeclaredProperties(spec, 'Invite', declared)).toEqual([]);
    expect(undeclaredProperties(mutated, 'Invite', declared)).toEqual(['Invite.projects/name']);
  });

  it('given a new audit event type with its details key, does not ask for a column (details holds it)', () => {
    const mutated = cloneSpec(spec);
    (mutated.components.schemas['AuditLogEventType']?.enum as string[]).push('widget.created');
    (mutated.components.schemas['AuditLog']?.properties as Record<string, JsonSchema>)['widget.created'] = {
      type: 'object',
    };
    const schema = schemaOf('organization_audit_logs');
    expect(undeclaredProperties(mutated, 'AuditLog', schema)).toEqual(
      undeclaredProperties(spec, 'AuditLog', schema),
    );
    expect(undeclaredProperties(mutated, 'AuditLog', schema, {})).toContain('AuditLog.widget.created');
  });
});

describe('request checker', () => {
  const ok = { start_time: '1730419200', bucket_width: '1d', limit: '31', group_by: ['project_id', 'model'] };

  it('accepts a request the spec allows', () => {
    expect(requestProblems(spec, { method: 'GET', path: USAGE, query: ok })).toEqual([]);
  });

  it('reports an unknown parameter, a bracketed array the spec names without brackets, and a bad enum value', () => {
    const problems = requestProblems(spec, {
      method: 'GET',
      path: USAGE,
      query: { ...ok, colour: 'red', 'group_by[]': ['model'], bucket_width: '1w' },
    });
    expect(problems.join('\n')).toMatch(/'colour' is not in the spec/);
    expect(problems.join('\n')).toMatch(/'group_by\[\]' is not in the spec/);
    expect(problems.join('\n')).toMatch(/bucket_width=1w/);
  });

  it('reports a limit over the maximum the spec states for the bucket width, and a missing required one', () => {
    expect(
      limitMaxima(spec.paths['/organization/usage/completions']?.get?.parameters?.[9]?.description),
    ).toEqual({ '1d': 31, '1h': 168, '1m': 1440 });
    const query = { start_time: '1', bucket_width: '1h', limit: '169' };
    expect(requestProblems(spec, { method: 'GET', path: USAGE, query })).toEqual([
      "limit=169: the spec's maximum is 168",
    ]);
    expect(requestProblems(spec, { method: 'GET', path: USAGE, query: {} })).toEqual([
      "/organization/usage/completions: 'start_time' missing",
    ]);
  });

  it('reports a write and a path the spec does not have', () => {
    expect(requestProblems(spec, { method: 'POST', path: USAGE, query: ok })[0]).toMatch(/not a GET/);
    expect(requestProblems(spec, { method: 'GET', path: '/v1/organization/nope', query: {} })[0]).toMatch(
      /no such operation/,
    );
  });

  it('takes effective_at[gte] as the object parameter effective_at, and checks its value', () => {
    const path = '/v1/organization/audit_logs';
    expect(requestProblems(spec, { method: 'GET', path, query: { 'effective_at[gte]': '17' } })).toEqual([]);
    expect(
      requestProblems(spec, { method: 'GET', path, query: { 'effective_at[gte]': 'soon' } }),
    ).toHaveLength(1);
  });
});

describe('response validator', () => {
  it('given an invite without the now-required created_at and projects, reports both', () => {
    const op = spec.paths['/organization/invites']?.get;
    const validate = validatorFor(spec, 'invites test', responseSchema(op ?? {}) ?? {});
    const invite = { object: 'organization.invite', id: 'i', email: 'e', role: 'reader', status: 'pending' };
    const body = { object: 'list', data: [{ ...invite, invited_at: 1 }], has_more: false };
    const errors = errorsOf(validate, body, 'invites').join('\n');
    expect(errors).toMatch(/created_at/);
    expect(errors).toMatch(/projects/);
    expect(errorsOf(validate, { ...body, data: [{ ...invite, created_at: 1, projects: [] }] }, 'x')).toEqual(
      [],
    );
  });
});
