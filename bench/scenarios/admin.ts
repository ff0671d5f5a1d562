// Admin: the organization's usage and cost buckets over 90 days (every dimension grouped), audit logs and the
// directory lists, read by the connector and by the baseline; request economy for every Admin stream.
import { alternate } from '../compare.js';
import { adminJobs, adminListJobs } from '../jobs.js';
import { pagingTarget, requestsPerStream, type StreamUse } from '../requests.js';
import { mustSucceed, type ScenarioResult, type Target } from '../result.js';
import { baselineRun, connectorRead, errorsOf, type Bench } from '../runs.js';
import type { Scale } from '../scale.js';
import { SimProcess } from '../sim-process.js';

const PER_PROJECT = ['organization_project_api_keys', 'organization_project_service_accounts'];

/** Per-project lists: the project listing's pages, then one page per project (each holds under 100 items). */
function perProjectTarget(stream: string, use: StreamUse | undefined, projects: number): Target {
  const allowed = Math.max(1, Math.ceil(projects / 100)) + projects;
  return {
    id: `requests:${stream}`,
    description: `${stream}: requests made ≤ project pages + one page per project`,
    pass: use?.status === 'COMPLETE' && (use?.requests ?? Infinity) <= allowed,
    measured: { requests: use?.requests ?? NaN, projects },
    threshold: `≤ ${allowed}`,
  };
}

export async function adminScenario(bench: Bench, scale: Scale): Promise<ScenarioResult> {
  const { days, projects, orgUsers, auditEvents } = scale.admin;
  const sim = await SimProcess.start({
    seed: 11,
    workspaces: 1,
    days,
    projects,
    orgUsers,
    auditEvents,
    rateLimitPerMinute: 1_000_000,
  });
  try {
    const { info } = sim;
    const config = {
      admin_api_key: info.keys.admin,
      admin_api_base_url: info.adminBaseUrl,
      max_requests_per_minute: 1000,
    };
    const buckets = adminJobs(info);
    const lists = adminListJobs(info);
    const headToHead = [...buckets, ...lists].map((j) => j.name);
    const spec = { kind: 'pages' as const, auth: info.keys.admin, jobs: [...buckets, ...lists] };
    await baselineRun(bench, sim, spec);
    const { compared, last } = await alternate(
      scale.runs,
      () => connectorRead(bench, sim, config, headToHead),
      () => baselineRun(bench, sim, spec),
      (run) => mustSucceed('admin', errorsOf(run)),
    );
    const units = Object.fromEntries(last.baseline.report.jobs.map((j) => [j.name, j.units]));
    const use = await requestsPerStream(bench, sim, config, [...headToHead, ...PER_PROJECT]);
    const targets: Target[] = [
      ...buckets.map((j) => pagingTarget(j.name, use[j.name], units[j.name] ?? 0, j.limit)),
      ...lists.map((j) => pagingTarget(j.name, use[j.name], units[j.name] ?? 0, 100)),
      ...PER_PROJECT.map((s) => perProjectTarget(s, use[s], units.organization_projects ?? 0)),
    ];
    const section = {
      data: { days, projects, org_users: orgUsers, audit_events: auditEvents, api_units: units },
      head_to_head: { streams: headToHead, ...compared },
      per_stream: use,
    };
    return { name: 'admin', section, targets };
  } finally {
    await sim.close();
  }
}
