/**
 * Generated from schemas/organization_group_users.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Members of every group of the organization; id is group:user (GET /organization/groups/{group_id}/users).
 */
export interface OrganizationGroupUsers {
  /**
   * group_id:user_id (the API's own id is not unique across groups).
   */
  id: string;
  /**
   * Parent the row was listed under (added by the connector).
   */
  group_id: string;
  /**
   * The user id, as the API sends it in `id`.
   */
  user_id?: null | string;
  /**
   * The name of the user.
   */
  name?: null | string;
  /**
   * The email address of the user.
   */
  email?: null | string;
  [k: string]: unknown;
}
