// Does a stream's JSON schema declare every property of the spec's result/object schema? Top-level
// properties and, for object-valued ones (or arrays of objects), their properties one level down. A property
// may instead be listed in ADMIN_EXCLUSIONS with the reason it is not a column.
import { ADMIN_EXCLUSIONS, isExcluded } from './exclusions.js';
import { alternatives, type JsonSchema, type Spec } from './openapi.js';

type Declared = { properties?: Record<string, Declared>; items?: Declared };

/** The object schemas a property can hold: itself if an object, its items if an array of objects. */
function objectShapes(spec: Spec, schema: JsonSchema | undefined): JsonSchema[] {
  return alternatives(spec, schema).flatMap((alt) => {
    if (alt.properties) return [alt];
    if (alt.type === 'array') return alternatives(spec, alt.items as JsonSchema).filter((i) => i.properties);
    return [];
  });
}

function declaredChild(declared: Declared | undefined, name: string): Declared | undefined {
  return declared?.properties?.[name] ?? declared?.items?.properties?.[name];
}

function propertyNames(spec: Spec, schema: JsonSchema): string[] {
  return alternatives(spec, schema).flatMap((s) => Object.keys((s.properties as object | undefined) ?? {}));
}

/**
 * Every `Schema.property` (and `Schema.property/child`) of `schemaName` that `streamSchema` does not declare
 * and the exclusion list does not name.
 */
export function undeclaredProperties(
  spec: Spec,
  schemaName: string,
  streamSchema: Declared,
  exclusions: Readonly<Record<string, string>> = ADMIN_EXCLUSIONS,
): string[] {
  const root = spec.components.schemas[schemaName];
  if (!root) return [`${schemaName}: no such schema in the vendored spec`];
  const missing: string[] = [];
  for (const name of new Set(propertyNames(spec, root))) {
    const path = `${schemaName}.${name}`;
    if (isExcluded(spec, path, exclusions)) continue;
    const declared = streamSchema.properties?.[name];
    if (!declared) {
      missing.push(path);
      continue;
    }
    const propSchema = alternatives(spec, root).map(
      (s) => (s.properties as Record<string, JsonSchema>)?.[name],
    );
    for (const shape of propSchema.flatMap((p) => objectShapes(spec, p))) {
      for (const child of Object.keys(shape.properties as object)) {
        const childPath = `${path}/${child}`;
        if (!declaredChild(declared, child) && !isExcluded(spec, childPath, exclusions))
          missing.push(childPath);
      }
    }
  }
  return [...new Set(missing)];
}
