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
  /**
   * The aggregated number of input tokens written to the cache.
   */
  input_cache_write_tokens?: null | number;
  /**
   * The aggregated number of uncached input tokens used across text, audio, and image inputs, excluding cache-write tokens.
   */
  input_uncached_tokens?: null | number;
  /**
   * The aggregated number of uncached text input tokens used, excluding cache-write tokens.
   */
  input_text_tokens?: null | number;
  /**
   * The aggregated number of text output tokens used.
   */
  output_text_tokens?: null | number;
  /**
   * The aggregated number of cached text input tokens used.
   */
  input_cached_text_tokens?: null | number;
  /**
   * The aggregated number of cached audio input tokens used.
   */
  input_cached_audio_tokens?: null | number;
  /**
   * The aggregated number of uncached image input tokens used.
   */
  input_image_tokens?: null | number;
  /**
   * The aggregated number of cached image input tokens used.
   */
  input_cached_image_tokens?: null | number;
  /**
   * The aggregated number of image output tokens used.
   */
  output_image_tokens?: null | number;
  [k: string]: unknown;
}
