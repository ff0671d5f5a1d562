/**
 * Generated from schemas/usage_by_model.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Codex Analytics usage per user, day, model and speed: one row per element of a usage row's models.
 */
export interface UsageByModel {
  /**
   * workspace_id:date:user_id:model:speed.
   */
  id: string;
  /**
   * ChatGPT workspace the row was read from (added by the connector).
   */
  workspace_id: string;
  /**
   * UTC day of the bucket, YYYY-MM-DD (added by the connector; the cursor).
   */
  date: string;
  /**
   * User of the parent usage row.
   */
  user_id?: null | string;
  /**
   * Email of the parent usage row (actor.email or legacy email).
   */
  email?: null | string;
  /**
   * Bucket start, Unix seconds (inclusive).
   */
  start_time?: null | number;
  /**
   * Bucket end, Unix seconds (exclusive).
   */
  end_time?: null | number;
  /**
   * Model name; may be "other".
   */
  model?: null | string;
  /**
   * standard, fast, or null.
   */
  speed?: null | string;
  /**
   * Credits consumed; can be fractional.
   */
  credits?: null | number;
  /**
   * Billed cost in USD for this model; null when unavailable.
   */
  cost_usd?: null | number;
  /**
   * Estimated cost in USD for this model; null when unavailable.
   */
  estimated_cost_usd?: null | number;
  uncached_text_input_tokens?: null | number;
  cached_text_input_tokens?: null | number;
  text_output_tokens?: null | number;
  text_total_tokens?: null | number;
  [k: string]: unknown;
}
