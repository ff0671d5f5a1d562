/**
 * Generated from schemas/usage_by_client.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Codex Analytics usage per user, day and client: one row per element of a usage row's clients.
 */
export interface UsageByClient {
  /**
   * workspace_id:date:user_id:client_id.
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
   * Codex surface, e.g. CODEX_CLI; an open set.
   */
  client_id?: null | string;
  threads?: null | number;
  turns?: null | number;
  /**
   * Credits consumed; can be fractional.
   */
  credits?: null | number;
  /**
   * Billed cost in USD for this client; null when unavailable.
   */
  cost_usd?: null | number;
  /**
   * Estimated cost in USD for this client; null when unavailable.
   */
  estimated_cost_usd?: null | number;
  uncached_text_input_tokens?: null | number;
  cached_text_input_tokens?: null | number;
  text_output_tokens?: null | number;
  text_total_tokens?: null | number;
  [k: string]: unknown;
}
