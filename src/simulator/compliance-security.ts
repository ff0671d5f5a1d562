// CODEX_SECURITY_LOG details: the public docs only say these carry "scan configuration and finding
// details", so the shape here is plausible rather than known. Sub-types vary which blocks appear.
import type { EventDetails } from './compliance-events.js';
import type { FileRef } from './compliance-files.js';
import { REPOSITORIES } from './compliance-text.js';
import { memoize, rngFor, type Rng } from './compliance-rng.js';

const SUBTYPES = ['SECURITY_SCAN_STARTED', 'SECURITY_FINDING_CREATED', 'SECURITY_SCAN_COMPLETED'] as const;
const RULES = [
  { rule_id: 'sql-injection', title: 'SQL built from request input', severity: 'critical' },
  { rule_id: 'hardcoded-secret', title: 'Hard-coded credential "API_KEY"', severity: 'high' },
  { rule_id: 'path-traversal', title: 'User-controlled path reaches fs.readFile', severity: 'high' },
  { rule_id: 'weak-hash', title: 'MD5 used for passwords\u2028(legacy module)', severity: 'medium' },
  { rule_id: 'open-redirect', title: 'Redirect target not validated 🔓', severity: 'low' },
] as const;
const PATHS = [
  'src/db/query.ts',
  'config/settings.py',
  'api/files.go',
  'lib/auth/hash.rb',
  'web/redirect.tsx',
];

/** A file's events share one scan, so a file reads as start → findings → completion. */
const scanOf = memoize(
  (seed: number, ref: FileRef) => `${seed}|${ref.workspaceId}|${ref.index}`,
  (seed: number, ref: FileRef) => {
    const r = rngFor(seed, 'scan', ref.workspaceId, ref.index);
    return { scan_id: `scan_${r.uuid().replace(/-/g, '')}`, repository: r.pick(REPOSITORIES) };
  },
);

export function securityDetails(r: Rng, seed: number, ref: FileRef): [string, EventDetails] {
  const subtype = r.pick(SUBTYPES);
  const scan = scanOf(seed, ref);
  if (subtype === 'SECURITY_SCAN_STARTED') {
    const scan_config = {
      branch: r.pick(['main', 'develop', 'release/2026.07']),
      scan_type: r.pick(['full', 'incremental']),
      ruleset: 'codex-security-default',
      include_paths: ['src/**', 'lib/**'],
    };
    return [subtype, { ...scan, scan_config }];
  }
  if (subtype === 'SECURITY_SCAN_COMPLETED') {
    const summary = { findings_count: r.int(0, 40), duration_seconds: r.int(5, 900) };
    return [subtype, { ...scan, status: 'completed', summary }];
  }
  const rule = r.pick(RULES);
  const finding = {
    finding_id: `finding_${r.uuid().replace(/-/g, '').slice(0, 16)}`,
    ...rule,
    file_path: r.pick(PATHS),
    line: r.int(1, 900),
    description: `Flagged by "${rule.rule_id}"; review before merging.`,
    status: r.pick(['open', 'open', 'dismissed', 'fixed']),
  };
  return [subtype, { ...scan, finding }];
}
