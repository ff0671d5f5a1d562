/**
 * Generated from schemas/code_review_responses.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Responses to Codex review comments on PRs merged that UTC day (GET /code_review_responses); restated after later merges.
 */
export interface CodeReviewResponses {
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
  replies?: null | number;
  reactions?: null | number;
  reaction_details?: null | {
    upvotes?: null | number;
    downvotes?: null | number;
    other?: null | number;
    [k: string]: unknown;
  };
  comment_response_details?: null | {
    engaged?: null | number;
    reacted?: null | number;
    upvoted?: null | number;
    downvoted?: null | number;
    reacted_other?: null | number;
    replied?: null | number;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
