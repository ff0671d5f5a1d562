// Per-project API keys and service accounts. A key is owned by a project member or by one of the project's
// service accounts, nested the way the Admin API nests them (`owner.type` names the populated sibling key).
import { DAY, orgId } from './admin-query.js';
import { pick, rand, randInt } from './random.js';

export interface ServiceAccount {
  object: 'organization.project.service_account';
  id: string;
  name: string;
  role: 'owner' | 'member';
  created_at: number;
}

export interface ProjectUser {
  object: 'organization.project.user';
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'member';
  added_at: number;
}

/** The spec's ProjectApiKeyOwnerUser: the member as the key's owner, with its project role. */
export interface KeyOwnerUser {
  id: string;
  email: string;
  name: string;
  created_at: number;
  role: 'owner' | 'member';
}

export type KeyOwner =
  { type: 'user'; user: KeyOwnerUser } | { type: 'service_account'; service_account: ServiceAccount };

export interface ProjectApiKey {
  object: 'organization.project.api_key';
  redacted_value: string;
  name: string;
  created_at: number;
  last_used_at: number;
  id: string;
  /** `inactive`: the owner no longer has access to the project; listed only with owner_project_access. */
  owner_project_access: 'active' | 'inactive';
  owner: KeyOwner;
}

/** What a key needs to know about the org member who may own it. */
export interface Member {
  id: string;
  name: string;
  email: string;
}

const SA_NAMES = ['ci-runner', 'batch-jobs', 'codex-bot', 'eval-harness', 'support-agent'];
const KEY_NAMES = ['production', 'staging', 'local dev', 'notebook', 'backfill', 'ci'];

/** The first project always has service accounts, so every list has something to page over. */
export function serviceAccountsFor(
  seed: number,
  projectId: string,
  index: number,
  since: number,
): ServiceAccount[] {
  const count = index === 0 ? 2 : randInt(seed, 0, 3, 'sa-count', projectId);
  return Array.from({ length: count }, (_, j) => ({
    object: 'organization.project.service_account',
    id: orgId('svc_acct_', seed, 'sa', projectId, j),
    name: `${pick(seed, SA_NAMES, 'sa-name', projectId, j)}-${j + 1}`,
    role: j === 0 ? 'owner' : 'member',
    created_at: since + randInt(seed, 1, 30, 'sa-created', projectId, j) * DAY,
  }));
}

function ownerOf(
  seed: number,
  key: string,
  members: readonly Member[],
  accounts: readonly ServiceAccount[],
): KeyOwner {
  if (accounts.length > 0 && (members.length === 0 || rand(seed, 'key-owner', key) < 0.35)) {
    return { type: 'service_account', service_account: pick(seed, accounts, 'key-sa', key) };
  }
  const m = pick(seed, members, 'key-user', key);
  const role = rand(seed, 'key-user-role', key) < 0.3 ? 'owner' : 'member';
  const created_at = randInt(seed, 1_600_000_000, 1_650_000_000, 'key-user-added', key);
  return { type: 'user', user: { id: m.id, email: m.email, name: m.name, created_at, role } };
}

/** One to four keys per project; none only when the org has neither members nor service accounts. */
export function apiKeysFor(
  seed: number,
  projectId: string,
  since: number,
  midnight: number,
  members: readonly Member[],
  accounts: readonly ServiceAccount[],
): ProjectApiKey[] {
  if (members.length === 0 && accounts.length === 0) return [];
  const count = randInt(seed, 1, 4, 'key-count', projectId);
  return Array.from({ length: count }, (_, j) => {
    const id = orgId('key_', seed, 'key', projectId, j);
    const tail = orgId('', seed, 'key-tail', id).slice(0, 3);
    return {
      object: 'organization.project.api_key',
      redacted_value: `sk-${orgId('', seed, 'key-head', id).slice(0, 3)}...${tail}`,
      name: pick(seed, KEY_NAMES, 'key-name', id),
      created_at: since + randInt(seed, 1, 40, 'key-created', id) * DAY,
      last_used_at: midnight - randInt(seed, 1, 10 * DAY, 'key-used', id),
      id,
      // The last of two or more keys is always inactive, so owner_project_access=any always matters.
      owner_project_access:
        (count > 1 && j === count - 1) || rand(seed, 'key-access', id) < 0.15 ? 'inactive' : 'active',
      owner: ownerOf(seed, id, members, accounts),
    };
  });
}
