/**
 * Generated from schemas/organization_project_users.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Members of every project (archived projects too) and their project roles; id is project:user (GET /organization/projects/{project_id}/users).
 */
export interface OrganizationProjectUsers {
  /**
   * project_id:user_id (the API's own id is not unique across projects).
   */
  id: string;
  /**
   * Parent the row was listed under (added by the connector).
   */
  project_id: string;
  /**
   * The user id, as the API sends it in `id`.
   */
  user_id?: null | string;
  /**
   * The object type, which is always `organization.project.user`
   */
  object?: null | string;
  /**
   * The name of the user
   */
  name?: null | string;
  /**
   * The email address of the user
   */
  email?: null | string;
  /**
   * `owner` or `member`
   */
  role?: null | string;
  /**
   * The Unix timestamp (in seconds) of when the project was added.
   */
  added_at?: null | number;
  [k: string]: unknown;
}
