/**
 * Generated from schemas/organization_users.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Users of the OpenAI organization (GET /organization/users).
 */
export interface OrganizationUsers {
  id: string;
  object?: null | string;
  name?: null | string;
  email?: null | string;
  role?: null | string;
  /**
   * Unix seconds.
   */
  added_at?: null | number;
  /**
   * Whether this is the organization's default user.
   */
  is_default?: null | boolean;
  /**
   * The Unix timestamp (in seconds) of when the user was created.
   */
  created?: null | number;
  /**
   * Nested user details.
   */
  user?: null | {
    object?: null | string;
    id?: null | string;
    email?: null | string;
    name?: null | string;
    picture?: null | string;
    enabled?: null | boolean;
    banned?: null | boolean;
    /**
     * Unix seconds.
     */
    banned_at?: null | number;
    [k: string]: unknown;
  };
  /**
   * Whether the user is a service account.
   */
  is_service_account?: null | boolean;
  /**
   * Whether the user is an authorized purchaser for Scale Tier.
   */
  is_scale_tier_authorized_purchaser?: null | boolean;
  /**
   * Whether the user is managed through SCIM.
   */
  is_scim_managed?: null | boolean;
  /**
   * The Unix timestamp (in seconds) of the user's last API key usage.
   */
  api_key_last_used_at?: null | number;
  /**
   * The technical level metadata for the user.
   */
  technical_level?: null | string;
  /**
   * The developer persona metadata for the user.
   */
  developer_persona?: null | string;
  /**
   * Projects associated with the user, if included.
   */
  projects?: null | {
    object?: null | string;
    data?:
      | null
      | {
          id?: null | string;
          name?: null | string;
          role?: null | string;
          [k: string]: unknown;
        }[];
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
