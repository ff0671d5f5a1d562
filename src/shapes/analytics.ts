// Codex Analytics rows → records. Every record gets `workspace_id`, the UTC `date` of its bucket and a
// composite `id`; the API row itself passes through whole (unknown fields included). Rows are fresh from
// JSON.parse, so `usage` adds its fields in place (a copy per row cost a tenth of a sync's CPU); the client and
// model streams copy their elements instead, because the `usage` record of a shared read holds those arrays.
import { dayOfUnixSeconds } from '../engine/dates.js';
import type { Partition, Row } from '../engine/types.js';
import { arrayOf, asObject, keyPart, requireNumber } from './common.js';

interface Base {
  workspace_id: string;
  date: string;
}

function base(row: Row, partition: Partition, stream: string): Base {
  return {
    workspace_id: partition.workspace_id ?? '',
    date: dayOfUnixSeconds(requireNumber(row, 'start_time', stream)),
  };
}

/** `actor.email` where the workspace shares it, else the legacy top-level `email`, else null. */
function emailOf(row: Row): string | null {
  const fromActor = asObject(row.actor)?.email;
  if (typeof fromActor === 'string') return fromActor;
  return typeof row.email === 'string' ? row.email : null;
}

export function shapeUsage(row: Row, partition: Partition): Row[] {
  const b = base(row, partition, 'usage');
  const email = emailOf(row);
  row.id = `${b.workspace_id}:${b.date}:${keyPart(row.user_id)}`;
  row.workspace_id = b.workspace_id;
  row.date = b.date;
  row.email = email;
  return [row];
}

export function shapeUsageByClient(row: Row, partition: Partition): Row[] {
  const b = base(row, partition, 'usage_by_client');
  const user = keyPart(row.user_id);
  const parent = {
    user_id: row.user_id ?? null,
    email: emailOf(row),
    start_time: row.start_time,
    end_time: row.end_time ?? null,
  };
  return arrayOf(row.clients).map((c) => ({
    ...c,
    id: `${b.workspace_id}:${b.date}:${user}:${keyPart(c.client_id)}`,
    ...b,
    ...parent,
  }));
}

export function shapeUsageByModel(row: Row, partition: Partition): Row[] {
  const b = base(row, partition, 'usage_by_model');
  const user = keyPart(row.user_id);
  const parent = {
    user_id: row.user_id ?? null,
    email: emailOf(row),
    start_time: row.start_time,
    end_time: row.end_time ?? null,
  };
  return arrayOf(row.models).map((m) => ({
    ...m,
    id: `${b.workspace_id}:${b.date}:${user}:${keyPart(m.model)}:${keyPart(m.speed)}`,
    ...b,
    ...parent,
  }));
}

/** Workspace-wide daily rows (group=workspace, code reviews, review responses): one per workspace and day. */
export function shapeWorkspaceDay(stream: string): (row: Row, partition: Partition) => Row[] {
  return (row, partition) => {
    const b = base(row, partition, stream);
    return [Object.assign(row, { id: `${b.workspace_id}:${b.date}` }, b)];
  };
}
