// The rules CAT's TestSpec applies to a connectionSpecification, one pure function each: schema in,
// problems out. Named after CAT's tests; the table in suites/spec.ts runs them.
import { keywordUses, typesOf, walk, type SchemaNode } from './json-schema.js';
import type { Json } from './messages.js';

const where = (n: SchemaNode) => `/${n.path.join('/')}`;

/** CAT's secret names, matched whole; we also match them as a `_suffix` (`analytics_api_key`). */
const SECRET_NAMES = [
  'client_token',
  'access_token',
  'api_token',
  'token',
  'secret',
  'client_secret',
  'password',
  'key',
  'service_account_info',
  'service_account',
  'tenant_id',
  'certificate',
  'jwt',
  'credentials',
  'app_id',
  'appid',
  'refresh_token',
];
const looksSecret = (name: string) => {
  const lower = name.toLowerCase();
  return SECRET_NAMES.some((s) => lower === s || lower.endsWith(`_${s}`));
};

const properties = (spec: Json) => walk(spec).filter((n) => n.isProperty);

export function enumsUnique(spec: Json): string[] {
  return keywordUses(spec, 'enum')
    .filter((n) => Array.isArray(n.node.enum) && new Set(n.node.enum.map(String)).size !== n.node.enum.length)
    .map((n) => `${where(n)}: enum has duplicate values`);
}

export function oneOfUsage(spec: Json): string[] {
  return ['oneOf', 'anyOf'].flatMap((kw) =>
    keywordUses(spec, kw).flatMap((n) => {
      const variants = (Array.isArray(n.node[kw]) ? n.node[kw] : []) as Json[];
      if (n.node.type !== 'object') return [`${where(n)}: a ${kw} must sit in an object`];
      const props = variants.map((v) => (v.properties ?? {}) as Record<string, Json>);
      if (variants.some((v) => v.properties === undefined))
        return [`${where(n)}: every ${kw} variant needs properties`];
      const common = Object.keys(props[0] ?? {}).filter((k) => props.every((p) => k in p));
      const consts = common.filter((k) =>
        props.every((p) => p[k] !== undefined && 'const' in (p[k] as Json)),
      );
      if (consts.length !== 1)
        return [`${where(n)}: ${kw} variants need exactly one common \`const\` property`];
      const key = consts[0] as string;
      return props.some((p) => 'default' in (p[key] as Json) || 'enum' in (p[key] as Json))
        ? [`${where(n)}: discriminator \`${key}\` must use const, not default or enum`]
        : [];
    }),
  );
}

export function secretsMarked(spec: Json): string[] {
  return properties(spec).flatMap((n) => {
    const name = n.path.at(-1) ?? '';
    const secret = n.node.airbyte_secret === true;
    const isString = typesOf(n.node).includes('string') && !('const' in n.node);
    if (secret && !isString) return [`${where(n)}: only string fields may carry airbyte_secret`];
    if (!secret && isString && looksSecret(name))
      return [`${where(n)}: looks secret; mark it airbyte_secret`];
    return [];
  });
}

export function propertyTypes(spec: Json): string[] {
  return properties(spec).flatMap((n) => {
    const t = n.node.type;
    if (!Array.isArray(t)) return [];
    return t.length === 1 || (t.length === 2 && t[1] === 'null')
      ? []
      : [`${where(n)}: type must be one type or [T, "null"], got ${JSON.stringify(t)}`];
  });
}

export function objectsHaveProperties(spec: Json): string[] {
  return walk(spec)
    .filter((n) => n.path.length > 0 && n.node.type === 'object' && !('oneOf' in n.node))
    .filter((n) => Object.keys((n.node.properties ?? {}) as Json).length === 0)
    .map((n) => `${where(n)}: an object needs properties`);
}

export function arrayItems(spec: Json): string[] {
  return walk(spec)
    .filter((n) => typesOf(n.node).includes('array') && n.node.items !== undefined)
    .flatMap((n) => {
      const items = n.node.items;
      if (Array.isArray(items)) return [`${where(n)}: items must be one schema, not a list`];
      const item = (items ?? {}) as Json;
      const ok = ['object', 'string', 'number', 'integer'].includes(String(item.type)) || 'enum' in item;
      return ok ? [] : [`${where(n)}: items must be object, string, number, integer or an enum`];
    });
}

const FORBIDDEN = ['not', 'anyOf', 'patternProperties', 'prefixItems', 'allOf', 'if', 'then', 'else'];
const FORBIDDEN_MORE = ['dependentSchemas', 'dependentRequired'];

export function forbiddenKeywords(spec: Json): string[] {
  return [...FORBIDDEN, ...FORBIDDEN_MORE].flatMap((kw) =>
    keywordUses(spec, kw).map((n) => `${where(n)}: uses \`${kw}\``),
  );
}

export function noRefs(value: unknown): string[] {
  return walk(value)
    .filter((n) => '$ref' in n.node)
    .map((n) => `${where(n)}: unresolved $ref`);
}

export function uniqueOrder(spec: Json): string[] {
  return keywordUses(spec, 'properties').flatMap((n) => {
    const seen = new Map<string, string>();
    return Object.entries((n.node.properties ?? {}) as Record<string, Json>).flatMap(([name, p]) => {
      if (p.order === undefined) return [];
      const slot = `${String(p.group ?? '')}#${String(p.order)}`;
      const other = seen.get(slot);
      seen.set(slot, name);
      return other ? [`${where(n)}: \`${other}\` and \`${name}\` share order ${String(p.order)}`] : [];
    });
  });
}

export function additionalPropertiesTrue(schema: unknown): string[] {
  return keywordUses(schema, 'additionalProperties')
    .filter((n) => n.node.additionalProperties !== true)
    .map((n) => `${where(n)}: additionalProperties must be true`);
}
