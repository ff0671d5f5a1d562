/**
 * Generated from schemas/organization_vector_stores_usage.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * OpenAI vector store storage per day and project, in bytes (GET /organization/usage/vector_stores).
 */
export interface OrganizationVectorStoresUsage {
  /**
   * date (or bucket start) plus the group-by dimensions, joined with ":".
   */
  id: string;
  /**
   * UTC day of the bucket, YYYY-MM-DD (the cursor).
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
  /**
   * The vector stores usage in bytes.
   */
  usage_bytes?: null | number;
  /**
   * When `group_by=project_id`, this field provides the project ID of the grouped usage result.
   */
  project_id?: null | string;
  [k: string]: unknown;
}
