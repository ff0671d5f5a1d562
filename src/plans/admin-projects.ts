// Parent partitions: streams read once per parent object, listed when the stream starts. 'project': per
// OpenAI project, archived ones included, since an archived project's keys, users and limits are still part
// of the organization's history. 'group': per group of the organization.
import { SourceError } from '../engine/errors.js';
import type { Partition } from '../engine/types.js';
import type { PagingStyle, PartitionStyle } from '../stream-def.js';
import type { PlanContext, Planner } from './context.js';
import { ADMIN_LIST_LIMIT } from '../page-limits.js';

interface ParentList {
  path: string;
  query: Record<string, string | number>;
  paging: PagingStyle;
  /** The partition key the parent's id goes under, and the `{…}` it fills in the child's path. */
  key: string;
}

export const PARENTS: Partial<Record<PartitionStyle, ParentList>> = {
  project: {
    path: '/projects',
    query: { include_archived: 'true', limit: ADMIN_LIST_LIMIT },
    paging: 'after_last_id',
    key: 'project_id',
  },
  group: { path: '/groups', query: { limit: ADMIN_LIST_LIMIT }, paging: 'after_next', key: 'group_id' },
};

/** Every id of a parent list, in list order, each once. */
export async function listParentIds(ctx: PlanContext, parent: ParentList): Promise<string[]> {
  const url = ctx.client.url('admin', parent.path);
  const ids = new Set<string>();
  for await (const rows of ctx.client.pages('admin', parent.paging, url, parent.query, 'organization')) {
    for (const row of rows) {
      if (typeof row.id !== 'string' || row.id === '') {
        throw new SourceError(
          `${ctx.def.name}: an item of ${parent.path} from the API has no \`id\`; cannot list its children.`,
          { code: 'MALFORMED_ROW', failureType: 'system_error' },
        );
      }
      ids.add(row.id);
    }
  }
  return [...ids];
}

/** Wraps a planner so that it runs over one partition per parent (`{project_id}`, `{group_id}`). */
export function perParent(parent: ParentList, inner: Planner): Planner {
  return async function* (ctx, prior) {
    const partitions: Partition[] = (await listParentIds(ctx, parent)).map((id) => ({ [parent.key]: id }));
    yield* inner({ ...ctx, partitions }, prior);
  };
}
