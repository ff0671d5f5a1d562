/**
 * Generated from schemas/organization_code_interpreter_sessions.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * OpenAI organization code interpreter sessions, daily buckets per project (GET /organization/usage/code_interpreter_sessions).
 */
export interface OrganizationCodeInterpreterSessions {
  /**
   * date plus the group-by dimensions, joined with ":".
   */
  id: string;
  /**
   * UTC day of the bucket, YYYY-MM-DD (added by the connector; the cursor).
   */
  date: string;
  /**
   * Bucket start, Unix seconds (inclusive).
   */
  start_time?: null | number;
  /**
   * Bucket end, Unix seconds (exclusive).
   */
  end_time?: null | number;
  object?: null | string;
  num_sessions?: null | number;
  project_id?: null | string;
  [k: string]: unknown;
}
