// Who may do what in the organization, as the Admin API's read-only lists show it: project members, admin API
// keys, groups and their members, roles, and each project's rate limits. Drawn from the seed and the org's
// users and projects, so ids agree with every other Admin route.
import type { OrgProject, OrgUser } from './admin-org.js';
import { DAY, orgId } from './admin-query.js';
import { pick, rand, randInt } from './random.js';

/** An object of a list: its `id`, and whatever the spec's schema gives it. */
export type Item = { id: string } & Record<string, unknown>;

export interface OrgAccess {
  projectUsers: Map<string, Item[]>;
  adminApiKeys: Item[];
  groups: { id: string; name: string; created_at: number; is_scim_managed: boolean; group_type: string }[];
  groupUsers: Map<string, Item[]>;
  roles: Item[];
  rateLimits: Map<string, Item[]>;
  certificates: Item[];
}

const GROUP_NAMES = ['Engineering', 'Data science', 'Support', 'Finance'];
const LIMITED_MODELS = ['gpt-4o', 'gpt-4o-mini', 'o3', 'text-embedding-3-small', 'dall-e-3'];
const ROLES = [
  ['Owner', 'api.organization', ['api.organization.read', 'api.organization.write']],
  ['Reader', 'api.organization', ['api.organization.read']],
  ['Project member', 'api.project', ['api.project.read']],
] as const;

/** A user's projects (the spec's User.projects) as project members with the user's project role. */
function projectUsers(users: readonly OrgUser[]): Map<string, Item[]> {
  const out = new Map<string, Item[]>();
  for (const u of users) {
    for (const p of u.projects?.data ?? []) {
      const member = { object: 'organization.project.user', id: u.id, name: u.name, email: u.email };
      const list = out.get(p.id) ?? [];
      list.push({ ...member, role: p.role, added_at: u.added_at + DAY });
      out.set(p.id, list);
    }
  }
  return out;
}

function adminKeys(seed: number, users: readonly OrgUser[], midnight: number): Item[] {
  const owners = users.filter((u) => u.role === 'owner');
  return owners.slice(0, 3).map((u, i) => {
    const id = orgId('key_', seed, 'admin-key', i);
    return {
      object: 'organization.admin_api_key',
      id,
      name: i === 0 ? 'Warehouse sync' : `Admin key ${i + 1}`,
      redacted_value: `sk-admin...${id.slice(-3)}`,
      created_at: u.added_at + randInt(seed, 1, 30, 'admin-key-created', i) * DAY,
      expires_at: null,
      last_used_at: midnight - randInt(seed, 60, DAY, 'admin-key-used', i),
      owner: {
        type: 'user',
        object: 'organization.user',
        id: u.id,
        name: u.name,
        created_at: u.added_at,
        role: 'owner',
      },
    };
  });
}

function rateLimits(seed: number, projects: readonly OrgProject[]): Map<string, Item[]> {
  return new Map(
    projects.map((p) => [
      p.id,
      LIMITED_MODELS.map((model) => ({
        object: 'project.rate_limit',
        id: `rl-${model}`,
        model,
        max_requests_per_1_minute: randInt(seed, 50, 10_000, 'rl-rpm', p.id, model),
        max_tokens_per_1_minute: randInt(seed, 10_000, 2_000_000, 'rl-tpm', p.id, model),
        ...(model.startsWith('dall-e') ? { max_images_per_1_minute: 50 } : {}),
        ...(model.startsWith('text-') ? { batch_1_day_max_input_tokens: 1_000_000 } : {}),
      })),
    ]),
  );
}

export function accessFor(
  seed: number,
  users: readonly OrgUser[],
  projects: readonly OrgProject[],
  midnight: number,
): OrgAccess {
  const groups = GROUP_NAMES.slice(0, users.length > 0 ? 3 : 0).map((name, i) => ({
    id: orgId('group_', seed, 'group', i),
    name,
    created_at: midnight - randInt(seed, 30, 400, 'group-created', i) * DAY,
    is_scim_managed: i === 0,
    group_type: 'group',
  }));
  const groupUsers = new Map(
    groups.map((g, i) => [
      g.id,
      users
        .filter((u, j) => j === i || rand(seed, 'group-member', g.id, u.id) < 0.3)
        .map((u) => ({ id: u.id, name: u.name, email: u.email })),
    ]),
  );
  const roles = ROLES.map(([name, resource_type, permissions], i) => ({
    object: 'role',
    id: orgId('role_', seed, 'role', i),
    name,
    description: `${name} (${pick(seed, ['predefined', 'built-in'], 'role-desc', i)})`,
    permissions: [...permissions],
    resource_type,
    predefined_role: true,
  }));
  // Mutual-TLS certificates: a year's validity each, uploaded over the organization's life, the newest active.
  const certificates = [0, 1, 2].map((i) => {
    const created = midnight - (400 - 150 * i) * DAY;
    return {
      object: 'organization.certificate',
      id: orgId('cert_', seed, 'certificate', i),
      name: i === 1 ? null : `mtls-${2024 + i}`,
      created_at: created,
      certificate_details: { valid_at: created, expires_at: created + 365 * DAY },
      active: i === 2,
    };
  });
  return {
    certificates,
    projectUsers: projectUsers(users),
    adminApiKeys: adminKeys(seed, users, midnight),
    groups,
    groupUsers,
    roles,
    rateLimits: rateLimits(seed, projects),
  };
}
