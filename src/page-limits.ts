// Page sizes the stream rows ask for, each with where it comes from. Where no source states a maximum, a
// 422 that names `limit` steps the size down for the rest of the sync (api/page-size.ts), so a guess too large
// costs one request, never the stream.

/** Admin list endpoints (users, projects, keys, audit log, …): `limit` 1-100 in OpenAI's OpenAPI document. */
export const ADMIN_LIST_LIMIT = 100;
/** Admin costs: 1-180 daily buckets a page (the OpenAPI document). */
export const ADMIN_COSTS_BUCKETS = 180;
/** The Compliance log listing: `limit` 1-100 (the Compliance API reference). */
export const COMPLIANCE_LOGS_LIMIT = 100;
/** Codex tasks: `limit` at most 30 (seen in the Compliance API's answers). */
export const CODEX_TASKS_LIMIT = 30;
/** Codex environments page like tasks (the reference), so the same 30. */
export const CODEX_ENVIRONMENTS_LIMIT = 30;
/** Workspace members: no public source states a maximum; 200, stepped down on a 422 naming `limit`. */
export const COMPLIANCE_USERS_LIMIT = 200;
