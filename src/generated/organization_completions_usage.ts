/**
 * Generated from schemas/organization_completions_usage.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * OpenAI organization completions usage, daily buckets grouped by every dimension (GET /organization/usage/completions).
 */
export interface OrganizationCompletionsUsage {
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
  input_cached_tokens?: null | number;
  output_tokens?: null | number;
  input_audio_tokens?: null | number;
  output_audio_tokens?: null | number;
  num_model_requests?: null | number;
  project_id?: null | string;
  user_id?: null | string;
  api_key_id?: null | string;
  model?: null | string;
  batch?: null | boolean;
  service_tier?: null | string;
  [k: string]: unknown;
}
