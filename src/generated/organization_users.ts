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
  [k: string]: unknown;
}
