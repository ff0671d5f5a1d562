/**
 * Generated from schemas/organization_audio_transcriptions_usage.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * OpenAI API transcription usage per day, project, user, API key and model: seconds and requests (GET /organization/usage/audio_transcriptions).
 */
export interface OrganizationAudioTranscriptionsUsage {
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
   * The number of seconds processed.
   */
  seconds?: null | number;
  /**
   * The count of requests made to the model.
   */
  num_model_requests?: null | number;
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
  [k: string]: unknown;
}
