// Is a request allowed by the spec's operation? Every query parameter must be one the operation declares,
// serialized the way OpenAPI's defaults say (`style: form`, `explode: true`: an array parameter is its exact
// name repeated, `group_by=a&group_by=b`), with every value valid against the parameter's schema. One reading
// is ours: the spec types `effective_at` as an object without naming a style, and OpenAI's SDKs and API use
// `effective_at[gte]=…` (deepObject), so an object parameter is accepted as `name[property]`.
// `limit` is also held to the maximum the operation's description states (per `bucket_width` for usage).
import {
  alternatives,
  deref,
  errorsOf,
  templateFor,
  validatorFor,
  type JsonSchema,
  type Parameter,
  type Spec,
} from './openapi.js';

export interface SentRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
}

/** A query string value as the JSON value the parameter's schema describes. */
function coerce(spec: Spec, schema: JsonSchema | undefined, raw: string): unknown {
  const types = alternatives(spec, schema).map((s) => s.type);
  if (types.includes('integer') && /^-?\d+$/.test(raw)) return Number(raw);
  if (types.includes('number') && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function valueProblems(spec: Spec, key: string, schema: JsonSchema | undefined, values: string[]): string[] {
  if (!schema) return [];
  const s = deref(spec, schema) ?? {};
  if (s.type === 'array') {
    const items = s.items as JsonSchema | undefined;
    return values.flatMap((v) =>
      errorsOf(validatorFor(spec, `${key}[]`, items ?? {}), coerce(spec, items, v), key),
    );
  }
  if (values.length !== 1) return [`${key}: sent ${values.length} times; the spec declares one value`];
  return errorsOf(
    validatorFor(spec, key, schema),
    coerce(spec, schema, values[0] ?? ''),
    `${key}=${values[0]}`,
  );
}

/** `{ '1d': 31, '1h': 168, '1m': 1440 }` or `{ '*': 100 }` from a `limit` description. */
export function limitMaxima(description: string | undefined): Record<string, number> {
  const text = description ?? '';
  const perWidth = [...text.matchAll(/bucket_width=(\w+)`?:\s*default:\s*\d+,\s*max:\s*(\d+)/g)];
  if (perWidth.length > 0) return Object.fromEntries(perWidth.map((m) => [m[1] ?? '', Number(m[2])]));
  const range = /range between (\d+) and (\d+)/.exec(text);
  return range ? { '*': Number(range[2]) } : {};
}

function limitProblems(params: Parameter[], query: SentRequest['query']): string[] {
  const sent = query['limit'];
  if (typeof sent !== 'string') return [];
  const maxima = limitMaxima(params.find((p) => p.name === 'limit')?.description);
  const width = typeof query['bucket_width'] === 'string' ? query['bucket_width'] : '1d';
  const max = maxima[width] ?? maxima['*'];
  return max !== undefined && Number(sent) > max ? [`limit=${sent}: the spec's maximum is ${max}`] : [];
}

export function requestProblems(spec: Spec, req: SentRequest): string[] {
  const template = templateFor(spec, req.path);
  const op = template === undefined ? undefined : spec.paths[template]?.get;
  if (req.method !== 'GET') return [`${req.method} ${req.path}: the connector only reads; not a GET`];
  if (!op || template === undefined) return [`GET ${req.path}: no such operation in the spec`];
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  const problems: string[] = [];
  for (const [key, value] of Object.entries(req.query)) {
    const values = Array.isArray(value) ? value : [value];
    const exact = params.find((p) => p.name === key);
    if (exact) {
      problems.push(...valueProblems(spec, `${template} ${key}`, exact.schema, values));
      continue;
    }
    const [, base, prop] = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key) ?? [];
    const objectParam = params.find((p) => p.name === base && deref(spec, p.schema)?.type === 'object');
    const propSchema = (
      deref(spec, objectParam?.schema)?.properties as Record<string, JsonSchema> | undefined
    )?.[prop ?? ''];
    if (propSchema) problems.push(...valueProblems(spec, `${template} ${key}`, propSchema, values));
    else problems.push(`${template}: query parameter '${key}' is not in the spec's operation`);
  }
  for (const p of params)
    if (p.required && !(p.name in req.query)) problems.push(`${template}: '${p.name}' missing`);
  return [...problems, ...limitProblems(params, req.query)];
}
