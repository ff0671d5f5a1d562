/**
 * Generated from schemas/organization_web_search_calls_usage.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * OpenAI web search tool calls per day, project, user, API key, model and search context size (GET /organization/usage/web_search_calls).
 */
export interface OrganizationWebSearchCallsUsage {
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
   * The count of model requests.
   */
  num_model_requests?: null | number;
  /**
   * The count of web search calls.
   */
  num_requests?: null | number;
  /**
   * When `group_by=project_id`, this field provides the project ID of the grouped usage result.
   */
  project_id?: null | string;
  /**
   * When `group_by=user_id`, this field provides the user ID of the grouped usage result.
   */
  user_id?: null | string;
  /**
   * When `group_by=api_key_id`, this field provides the API key ID of the grouped usage result.
   */
  api_key_id?: null | string;
  /**
   * When `group_by=model`, this field provides the model name of the grouped usage result.
   */
  model?: null | string;
  /**
   * When `group_by=context_level`, this field provides the search context size of the grouped usage result.
   */
  context_level?: null | string;
  [k: string]: unknown;
}
