/**
 * Generated from schemas/organization_project_rate_limits.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Rate limits of every project per model (archived projects too); id is project:rate limit (GET /organization/projects/{project_id}/rate_limits).
 */
export interface OrganizationProjectRateLimits {
  /**
   * project_id:rate_limit_id (the API's own id is not unique across projects).
   */
  id: string;
  /**
   * Parent the row was listed under (added by the connector).
   */
  project_id: string;
  /**
   * The rate limit id, as the API sends it in `id`.
   */
  rate_limit_id?: null | string;
  /**
   * The object type, which is always `project.rate_limit`
   */
  object?: null | string;
  /**
   * The model this rate limit applies to.
   */
  model?: null | string;
  /**
   * The maximum requests per minute.
   */
  max_requests_per_1_minute?: null | number;
  /**
   * The maximum tokens per minute.
   */
  max_tokens_per_1_minute?: null | number;
  /**
   * The maximum images per minute.
   */
  max_images_per_1_minute?: null | number;
  /**
   * The maximum audio megabytes per minute.
   */
  max_audio_megabytes_per_1_minute?: null | number;
  /**
   * The maximum requests per day.
   */
  max_requests_per_1_day?: null | number;
  /**
   * The maximum batch input tokens per day.
   */
  batch_1_day_max_input_tokens?: null | number;
  [k: string]: unknown;
}
