/**
 * Generated from schemas/organization_embeddings_usage.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * OpenAI organization embeddings usage, daily buckets grouped by every dimension (GET /organization/usage/embeddings).
 */
export interface OrganizationEmbeddingsUsage {
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
  input_tokens?: null | number;
  num_model_requests?: null | number;
  project_id?: null | string;
  user_id?: null | string;
  api_key_id?: null | string;
  model?: null | string;
  [k: string]: unknown;
}
