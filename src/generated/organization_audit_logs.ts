/**
 * Generated from schemas/organization_audit_logs.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * OpenAI organization audit log events (GET /organization/audit_logs); the details object keyed by the event type passes through.
 */
export interface OrganizationAuditLogs {
  id: string;
  /**
   * When the event took effect, Unix seconds (the cursor).
   */
  effective_at: number;
  /**
   * e.g. api_key.created, login.succeeded.
   */
  type?: null | string;
  /**
   * What the event changed: the object the API sends under the key named by `type` (e.g. "api_key.created"), copied here by the connector; null for types without one.
   */
  details?: null | {
    /**
     * What the event acted on (a key, project, user, invite, …), for most types.
     */
    id?: null | string;
    [k: string]: unknown;
  };
  project?: null | {
    id?: null | string;
    name?: null | string;
    [k: string]: unknown;
  };
  actor?: null | {
    /**
     * session or api_key.
     */
    type?: null | string;
    session?: null | {
      user?: null | {
        id?: null | string;
        email?: null | string;
        [k: string]: unknown;
      };
      ip_address?: null | string;
      user_agent?: null | string;
      [k: string]: unknown;
    };
    api_key?: null | {
      id?: null | string;
      /**
       * user or service_account.
       */
      type?: null | string;
      user?: null | {
        id?: null | string;
        email?: null | string;
        [k: string]: unknown;
      };
      service_account?: null | {
        id?: null | string;
        [k: string]: unknown;
      };
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
