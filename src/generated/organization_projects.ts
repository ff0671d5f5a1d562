/**
 * Generated from schemas/organization_projects.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Projects of the OpenAI organization, archived ones included (GET /organization/projects).
 */
export interface OrganizationProjects {
  id: string;
  object?: null | string;
  name?: null | string;
  /**
   * Unix seconds.
   */
  created_at?: null | number;
  /**
   * Unix seconds; null unless archived.
   */
  archived_at?: null | number;
  status?: null | string;
  /**
   * The external key associated with the project.
   */
  external_key_id?: null | string;
  /**
   * The residency configuration for the project.
   */
  residency?: null | string;
  [k: string]: unknown;
}
