// THE list of properties of the spec's Admin result/object schemas that are deliberately not declared as
// columns of a stream schema. Every entry says why. An undeclared property not listed here fails the contract
// test (test/contract/admin-contract.test.ts): declare it in schemas/<stream>.json, or list it here with a
// reason. Records still carry every field as received; this list only decides what is a typed column.
import type { Spec } from './openapi.js';

/** `Schema.property` → why it is not a declared column. */
export const ADMIN_EXCLUSIONS: Readonly<Record<string, string>> = {
  // The audit log keeps an event's details under a key named after its type ("api_key.created": {…}); 55 such
  // keys in this spec, more with every release. The connector copies the one present into the declared
  // `details` object, so one column holds what changed for every type.
  'AuditLog.<event type>': 'held in the declared `details` object (shapes/admin.ts, shapeAuditEvent)',
};

/** The spec's audit event types: `AuditLog.<event type>` stands for every AuditLog property named after one. */
function isEventTypeKey(spec: Spec, path: string): boolean {
  const types = (spec.components.schemas['AuditLogEventType']?.enum as string[] | undefined) ?? [];
  return path.startsWith('AuditLog.') && types.includes(path.slice('AuditLog.'.length));
}

/** `path` is `Schema.property` or, one level down, `Schema.property/child`. */
export function isExcluded(spec: Spec, path: string, exclusions: Readonly<Record<string, string>>): boolean {
  if (path in exclusions) return true;
  return 'AuditLog.<event type>' in exclusions && isEventTypeKey(spec, path);
}
