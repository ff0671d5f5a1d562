// OpenAI organization Admin API rows → records. Usage and costs come as daily buckets holding one result per
// combination of the grouped dimensions: each result becomes a record with the bucket's day and bounds and an
// `id` built from the day and every dimension, so no two results of one day can share an id.
import { dayOfUnixSeconds } from '../engine/dates.js';
import { SourceError } from '../engine/errors.js';
import type { Partition, Row } from '../engine/types.js';
import { arrayOf, keyPart, requireNumber, requireString } from './common.js';

/**
 * One part of a composite id. `:` joins the parts, and fine-tuned model names contain colons
 * (`ft:gpt-4o-mini:org::abc`), as line items can: escaping `%` and `:` keeps the join one-to-one.
 */
export function idPart(value: unknown): string {
  return keyPart(value).replaceAll('%', '%25').replaceAll(':', '%3A');
}

/** `date:dim1:dim2:…` over every dimension in a fixed order; a null or missing dimension is an empty part. */
export function bucketResultId(date: string, result: Row, dimensions: readonly string[]): string {
  return [date, ...dimensions.map((d) => idPart(result[d]))].join(':');
}

/** The schema text names the array `result`, every example `results`: accept both, refuse neither. */
function resultsOf(bucket: Row, stream: string): Row[] {
  const results = bucket.results ?? bucket.result;
  if (!Array.isArray(results)) {
    throw new SourceError(
      `${stream}: a bucket from the API has neither a \`results\` nor a \`result\` array; this is an API fault.`,
      { code: 'MALFORMED_ROW', failureType: 'system_error' },
    );
  }
  return arrayOf(results);
}

/**
 * The bucket's part of an id: its day for a daily bucket (ids as before bucket widths existed); for an hourly
 * or per-minute bucket, its start in ISO 8601 basic time (`2026-05-01T1300Z`, no `:`), so no sub-day bucket
 * can share an id with another or with a daily one.
 */
export function bucketKey(start: number, end: unknown): string {
  const date = dayOfUnixSeconds(start);
  if (typeof end !== 'number' || end - start >= 86_400) return date;
  const t = new Date(start * 1000).toISOString();
  return `${date}T${t.slice(11, 13)}${t.slice(14, 16)}Z`;
}

/** Shapes one bucket of a usage or costs endpoint grouped by `dimensions` into one record per result. */
export function shapeBuckets(
  stream: string,
  dimensions: readonly string[],
): (bucket: Row, partition: Partition) => Row[] {
  return (bucket) => {
    const start = requireNumber(bucket, 'start_time', stream);
    const date = dayOfUnixSeconds(start);
    const end = bucket.end_time ?? null;
    const when = bucketKey(start, end);
    return resultsOf(bucket, stream).map((result) => ({
      ...result,
      id: bucketResultId(when, result, dimensions),
      date,
      start_time: start,
      end_time: end,
    }));
  };
}

/** List objects (users, invites, projects) pass through whole; `id` is their key and must be there. */
export function shapeListItem(stream: string): (row: Row, partition: Partition) => Row[] {
  return (row) => {
    requireString(row, 'id', stream);
    return [row];
  };
}

/** Per-project lists (API keys, service accounts) carry no project id of their own: add the one listed under. */
export function shapeProjectItem(stream: string): (row: Row, partition: Partition) => Row[] {
  return shapeChildItem(stream, 'project_id');
}

/**
 * Items listed under a parent (`project_id`, `group_id`) get the parent's id added. Where the item's own id
 * is not unique across parents (a user is in many projects; a model's rate limit exists per project), it
 * moves to `ownId` and `id` becomes `parent:own`, so the primary key stays one top-level field.
 */
export function shapeChildItem(
  stream: string,
  parentKey: string,
  ownId?: string,
): (row: Row, partition: Partition) => Row[] {
  return (row, partition) => {
    const id = requireString(row, 'id', stream);
    const parent = partition[parentKey] ?? '';
    if (ownId === undefined) return [{ ...row, [parentKey]: parent }];
    return [{ ...row, [parentKey]: parent, [ownId]: id, id: `${idPart(parent)}:${idPart(id)}` }];
  };
}

/** Invites: the spec and SDKs say `created_at`; responses from before the rename said `invited_at`. */
export function shapeInvite(row: Row): Row[] {
  requireString(row, 'id', 'organization_invites');
  if (row.created_at !== undefined && row.created_at !== null) return [row];
  return [{ ...row, created_at: row.invited_at ?? null }];
}

/**
 * Audit events: `id` is the key and `effective_at` (Unix seconds) the cursor; neither may be missing. What
 * changed sits under a key named after the type (`"api_key.created": {…}`), a different column per type:
 * `details` holds it for every type, so typed destinations keep it.
 */
export function shapeAuditEvent(row: Row): Row[] {
  requireString(row, 'id', 'organization_audit_logs');
  requireNumber(row, 'effective_at', 'organization_audit_logs');
  const details = typeof row.type === 'string' ? row[row.type] : undefined;
  const isObject = typeof details === 'object' && details !== null && !Array.isArray(details);
  // A copy, not the same object: the privacy transform rewrites records in place and must not see (and hash)
  // one nested email twice.
  return [{ ...row, details: isObject ? structuredClone(details) : null }];
}
