// 'project' partitions: streams read once per OpenAI project (its API keys, its service accounts). The
// projects are listed when the stream starts, archived ones included, since an archived project's keys and
// service accounts are still part of the organization's history.
import { SourceError } from '../engine/errors.js';
import type { Partition } from '../engine/types.js';
import type { PlanContext, Planner } from './context.js';

const PROJECTS = { path: '/projects', query: { include_archived: 'true', limit: 100 } } as const;

/** Every project id of the organization, in list order, each once. */
export async function listProjectIds(ctx: PlanContext): Promise<string[]> {
  const url = ctx.client.url('admin', PROJECTS.path);
  const ids = new Set<string>();
  for await (const rows of ctx.client.pages('admin', 'after_last_id', url, PROJECTS.query, 'organization')) {
    for (const row of rows) {
      if (typeof row.id !== 'string' || row.id === '') {
        throw new SourceError(
          `${ctx.def.name}: a project from the API has no \`id\`; cannot list its items.`,
          {
            code: 'MALFORMED_ROW',
            failureType: 'system_error',
          },
        );
      }
      ids.add(row.id);
    }
  }
  return [...ids];
}

/** Wraps a planner so that it runs over one partition `{project_id}` per project of the organization. */
export function perProject(inner: Planner): Planner {
  return async function* (ctx, prior) {
    const partitions: Partition[] = (await listProjectIds(ctx)).map((id) => ({ project_id: id }));
    yield* inner({ ...ctx, partitions }, prior);
  };
}
