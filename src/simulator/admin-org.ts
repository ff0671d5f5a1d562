// The organization behind the Admin API: users, invites, projects and their keys, generated from the seed.
// Ids depend only on the seed and an index, so usage, audit logs and lists always agree on them; timestamps hang
// off today's UTC midnight (stable within a day), always in the past.
import {
  apiKeysFor,
  serviceAccountsFor,
  type ProjectApiKey,
  type ServiceAccount,
} from './admin-project-items.js';
import { accessFor, type OrgAccess } from './admin-access.js';
import { DAY, orgId, today } from './admin-query.js';
import { pick, rand, randInt } from './random.js';
import type { SimContext } from './types.js';

/** The spec's `User` (2026-08): the member, its nested account, flags and, when included, its projects. */
export interface OrgUser {
  object: 'organization.user';
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'reader';
  added_at: number;
  is_default: boolean;
  created: number;
  user: { object: 'user'; id: string; email: string; name: string; picture: null; enabled: boolean };
  is_service_account: boolean;
  is_scale_tier_authorized_purchaser: boolean | null;
  is_scim_managed: boolean;
  api_key_last_used_at: number | null;
  technical_level: string | null;
  developer_persona: string | null;
  projects: { object: 'list'; data: { id: string; name: string; role: string }[] } | null;
}

/** The spec's `Invite`: `created_at` (no longer `invited_at`) and the projects granted on acceptance. */
export interface OrgInvite {
  object: 'organization.invite';
  id: string;
  email: string;
  role: 'owner' | 'reader';
  status: 'accepted' | 'expired' | 'pending';
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  projects: { id: string; role: 'member' | 'owner' }[];
}

export interface OrgProject {
  id: string;
  object: 'organization.project';
  name: string;
  created_at: number;
  archived_at: number | null;
  status: 'active' | 'archived';
  external_key_id: string | null;
  residency: 'GLOBAL' | 'US_STORAGE_PROCESSING' | 'EU_STORAGE_PROCESSING';
}

export interface Org {
  users: OrgUser[];
  invites: OrgInvite[];
  /** All projects, archived included, oldest first as the API lists them. */
  projects: OrgProject[];
  apiKeys: Map<string, ProjectApiKey[]>;
  serviceAccounts: Map<string, ServiceAccount[]>;
  access: OrgAccess;
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Ken', 'Margaret', 'Linus', 'Radia', 'Donald'];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Thompson',
  'Hamilton',
  'Perlman',
  'Knuth',
];
const PROJECT_NAMES = ['Checkout', 'Data platform', 'Support bot', 'Code review', 'Search', 'Mobile app'];
const INVITE_STATUSES = ['accepted', 'expired', 'pending'] as const;

function user(seed: number, i: number, midnight: number, projects: readonly OrgProject[]): OrgUser {
  const first = pick(seed, FIRST, 'user-first', i);
  const last = pick(seed, LAST, 'user-last', i);
  const id = orgId('user-', seed, 'org-user', i);
  const name = `${first} ${last}`;
  const email = `${first}.${last}.${i + 1}@example.com`.toLowerCase();
  const added_at =
    midnight - randInt(seed, 60, 900, 'user-added', i) * DAY + randInt(seed, 0, DAY - 1, 'user-s', i);
  const member = projects.filter((p, j) => j === 0 || rand(seed, 'user-proj', i, p.id) < 0.4);
  return {
    object: 'organization.user',
    id,
    name,
    email,
    role: i === 0 || rand(seed, 'user-role', i) < 0.15 ? 'owner' : 'reader',
    added_at,
    is_default: false,
    created: added_at - randInt(seed, 0, 30, 'user-created', i) * DAY,
    user: { object: 'user', id, email, name, picture: null, enabled: true },
    is_service_account: false,
    is_scale_tier_authorized_purchaser: i === 0 ? true : null,
    is_scim_managed: rand(seed, 'user-scim', i) < 0.3,
    api_key_last_used_at:
      rand(seed, 'user-key', i) < 0.6 ? midnight - randInt(seed, 1, 5 * DAY, 'user-used', i) : null,
    technical_level: null,
    developer_persona: null,
    projects: {
      object: 'list',
      data: member.map((p) => ({ id: p.id, name: p.name, role: i === 0 ? 'owner' : 'member' })),
    },
  };
}

/** Statuses rotate so any three invites show all of them; accepted invites are existing users' emails. */
function invite(seed: number, i: number, midnight: number, users: readonly OrgUser[]): OrgInvite {
  const status = INVITE_STATUSES[i % 3] ?? 'pending';
  const daysAgo =
    status === 'pending' ? randInt(seed, 1, 5, 'inv-age', i) : randInt(seed, 10, 400, 'inv-age', i);
  const created_at = midnight - daysAgo * DAY + randInt(seed, 0, DAY - 1, 'inv-s', i);
  const member = status === 'accepted' ? users[i] : undefined;
  const granted = member?.projects?.data ?? [];
  return {
    object: 'organization.invite',
    id: orgId('invite-', seed, 'invite', i),
    email: member?.email ?? `invitee.${i + 1}@example.com`,
    role: rand(seed, 'inv-role', i) < 0.2 ? 'owner' : 'reader',
    status,
    created_at,
    expires_at: created_at + 7 * DAY,
    accepted_at: status === 'accepted' ? created_at + randInt(seed, 60, 3 * DAY, 'inv-acc', i) : null,
    projects: granted.map((p) => ({ id: p.id, role: p.role === 'owner' ? 'owner' : 'member' })),
  };
}

/** The last project (of two or more) is always archived, so `include_archived` always matters. */
function project(seed: number, i: number, count: number, midnight: number, days: number): OrgProject {
  const archived = count >= 2 && (i === count - 1 || (i > 0 && rand(seed, 'proj-archived', i) < 0.15));
  const base = i === 0 ? 'Default project' : `${pick(seed, PROJECT_NAMES, 'proj-name', i)} ${i}`;
  return {
    id: orgId('proj_', seed, 'project', i),
    object: 'organization.project',
    name: base,
    created_at: midnight - randInt(seed, days + 60, days + 800, 'proj-created', i) * DAY,
    archived_at: archived ? midnight - randInt(seed, 1, Math.max(1, days), 'proj-arch', i) * DAY : null,
    status: archived ? 'archived' : 'active',
    external_key_id: null,
    residency: i === 1 ? 'EU_STORAGE_PROCESSING' : 'GLOBAL',
  };
}

function buildOrg(seed: number, o: SimContext['options'], midnight: number): Org {
  const projects = Array.from({ length: o.projects }, (_, i) =>
    project(seed, i, o.projects, midnight, o.days),
  );
  const users = Array.from({ length: o.orgUsers }, (_, i) => user(seed, i, midnight, projects));
  const inviteCount = Math.max(3, Math.ceil(o.orgUsers / 3));
  const invites = Array.from({ length: inviteCount }, (_, i) => invite(seed, i, midnight, users));
  const serviceAccounts = new Map<string, ServiceAccount[]>();
  const apiKeys = new Map<string, ProjectApiKey[]>();
  projects.forEach((p, i) => {
    const accounts = serviceAccountsFor(seed, p.id, i, p.created_at);
    serviceAccounts.set(p.id, accounts);
    apiKeys.set(p.id, apiKeysFor(seed, p.id, p.created_at, midnight, users, accounts));
  });
  const access = accessFor(seed, users, projects, midnight);
  return { users, invites, projects, apiKeys, serviceAccounts, access };
}

const memo = new Map<string, Org>();

/** The org as of the simulator's current day; memoised because every request of every admin route needs it. */
export function orgFor(ctx: SimContext): Org {
  const midnight = today(ctx) * DAY;
  const o = ctx.options;
  const key = [ctx.seed, o.projects, o.orgUsers, o.days, midnight].join('|');
  let org = memo.get(key);
  if (!org) {
    if (memo.size > 16) memo.clear();
    org = buildOrg(ctx.seed, o, midnight);
    memo.set(key, org);
  }
  return org;
}
