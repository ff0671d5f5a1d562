// The organization behind the Admin API: users, invites, projects and their keys, generated from the seed.
// Ids depend only on the seed and an index, so usage, audit logs and lists always agree on them; timestamps hang
// off today's UTC midnight (stable within a day), always in the past.
import {
  apiKeysFor,
  serviceAccountsFor,
  type ProjectApiKey,
  type ServiceAccount,
} from './admin-project-items.js';
import { DAY, orgId, today } from './admin-query.js';
import { pick, rand, randInt } from './random.js';
import type { SimContext } from './types.js';

export interface OrgUser {
  object: 'organization.user';
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'reader';
  added_at: number;
}

export interface OrgInvite {
  object: 'organization.invite';
  id: string;
  email: string;
  role: 'owner' | 'reader';
  status: 'accepted' | 'expired' | 'pending';
  invited_at: number;
  expires_at: number;
  accepted_at: number | null;
}

export interface OrgProject {
  id: string;
  object: 'organization.project';
  name: string;
  created_at: number;
  archived_at: number | null;
  status: 'active' | 'archived';
}

export interface Org {
  users: OrgUser[];
  invites: OrgInvite[];
  /** All projects, archived included, oldest first as the API lists them. */
  projects: OrgProject[];
  apiKeys: Map<string, ProjectApiKey[]>;
  serviceAccounts: Map<string, ServiceAccount[]>;
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

function user(seed: number, i: number, midnight: number): OrgUser {
  const first = pick(seed, FIRST, 'user-first', i);
  const last = pick(seed, LAST, 'user-last', i);
  return {
    object: 'organization.user',
    id: orgId('user-', seed, 'org-user', i),
    name: `${first} ${last}`,
    email: `${first}.${last}.${i + 1}@example.com`.toLowerCase(),
    role: i === 0 || rand(seed, 'user-role', i) < 0.15 ? 'owner' : 'reader',
    added_at:
      midnight - randInt(seed, 60, 900, 'user-added', i) * DAY + randInt(seed, 0, DAY - 1, 'user-s', i),
  };
}

/** Statuses rotate so any three invites show all of them; accepted invites are existing users' emails. */
function invite(seed: number, i: number, midnight: number, users: readonly OrgUser[]): OrgInvite {
  const status = INVITE_STATUSES[i % 3] ?? 'pending';
  const daysAgo =
    status === 'pending' ? randInt(seed, 1, 5, 'inv-age', i) : randInt(seed, 10, 400, 'inv-age', i);
  const invited_at = midnight - daysAgo * DAY + randInt(seed, 0, DAY - 1, 'inv-s', i);
  const member = status === 'accepted' ? users[i] : undefined;
  return {
    object: 'organization.invite',
    id: orgId('invite-', seed, 'invite', i),
    email: member?.email ?? `invitee.${i + 1}@example.com`,
    role: rand(seed, 'inv-role', i) < 0.2 ? 'owner' : 'reader',
    status,
    invited_at,
    expires_at: invited_at + 7 * DAY,
    accepted_at: status === 'accepted' ? invited_at + randInt(seed, 60, 3 * DAY, 'inv-acc', i) : null,
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
  };
}

function buildOrg(seed: number, o: SimContext['options'], midnight: number): Org {
  const users = Array.from({ length: o.orgUsers }, (_, i) => user(seed, i, midnight));
  const inviteCount = Math.max(3, Math.ceil(o.orgUsers / 3));
  const invites = Array.from({ length: inviteCount }, (_, i) => invite(seed, i, midnight, users));
  const projects = Array.from({ length: o.projects }, (_, i) =>
    project(seed, i, o.projects, midnight, o.days),
  );
  const serviceAccounts = new Map<string, ServiceAccount[]>();
  const apiKeys = new Map<string, ProjectApiKey[]>();
  projects.forEach((p, i) => {
    const accounts = serviceAccountsFor(seed, p.id, i, p.created_at);
    serviceAccounts.set(p.id, accounts);
    apiKeys.set(p.id, apiKeysFor(seed, p.id, p.created_at, midnight, users, accounts));
  });
  return { users, invites, projects, apiKeys, serviceAccounts };
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
