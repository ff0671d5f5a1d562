/**
 * Generated from schemas/code_reviews.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Codex code review activity for the workspace, per UTC day (GET /code_reviews).
 */
export interface CodeReviews {
  /**
   * workspace_id:date.
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
   * Bucket start, Unix seconds (inclusive).
   */
  start_time?: null | number;
  /**
   * Bucket end, Unix seconds (exclusive).
   */
  end_time?: null | number;
  pull_request_reviews?: null | number;
  comments?: null | number;
  /**
   * Comments by priority.
   */
  comment_details?: null | {
    p0?: null | number;
    p1?: null | number;
    p2?: null | number;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
