// The report as one self-contained HTML file: inline CSS and inline SVG charts, no script, no fetch.
import type { Chart } from './charts.js';
import type { ReportData } from './marts.js';

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, Segoe UI, Roboto, sans-serif; color: #1d2330; margin: 0; background: #f6f7f9; }
main { max-width: 760px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 0 0 4px; }
.sub { color: #5b6475; margin: 0 0 24px; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin-bottom: 24px; }
.kpi { background: #fff; border-radius: 8px; padding: 12px 14px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
.kpi b { display: block; font-size: 22px; } .kpi span { color: #5b6475; font-size: 13px; }
figure.chart, section.table { background: #fff; border-radius: 8px; padding: 16px; margin: 0 0 20px;
  box-shadow: 0 1px 2px rgba(0,0,0,.06); }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption, .note { color: #5b6475; font-size: 13px; margin-bottom: 8px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eceff3; } td.num, th.num { text-align: right; }
`;

function kpis(d: ReportData): string {
  const items: [string, string][] = [
    [fmt(d.totals.activeUsersLastWeek), 'active users, last 7 days'],
    [fmt(d.totals.credits), 'Codex credits (not USD)'],
    [fmt(d.totals.findingsP0), 'P0 review findings'],
    [`$${fmt(d.totals.apiCostUsd, 2)}`, 'OpenAI API cost'],
  ];
  return `<div class="kpis">${items.map(([v, l]) => `<div class="kpi"><b>${escapeHtml(v)}</b><span>${escapeHtml(l)}</span></div>`).join('')}</div>`;
}

function chart(c: Chart): string {
  const body = c.svg ?? '<p class="note">No data for this chart in the synced tables.</p>';
  return `<figure class="chart" data-chart="${escapeHtml(c.id)}"><h2>${escapeHtml(c.title)}</h2>
<figcaption>${escapeHtml(c.caption)}</figcaption>${body}</figure>`;
}

function topUsers(d: ReportData): string {
  const rows = d.topUsers
    .map(
      (u) =>
        `<tr><td>${escapeHtml(u.who)}</td><td class="num">${fmt(u.credits)}</td><td class="num">${fmt(u.threads)}</td>` +
        `<td class="num">${u.estimatedCostUsd === null ? '—' : `$${fmt(u.estimatedCostUsd, 2)}`}</td></tr>`,
    )
    .join('\n');
  return `<section class="table"><h2>Top users by Codex credits</h2>
<p class="note">Named by email only where the connector kept emails; otherwise by Codex user id.</p>
<table><thead><tr><th>user</th><th class="num">credits</th><th class="num">threads</th><th class="num">estimated cost</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

export function reportHtml(d: ReportData, charts: Chart[], generatedAt: Date): string {
  const period = d.from === null ? 'no Codex usage synced yet' : `${d.from} to ${d.to} (UTC)`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Codex adoption and cost</title><style>${STYLE}</style></head>
<body><main>
<h1>Codex adoption and cost</h1>
<p class="sub">${escapeHtml(period)}. Built from the codex_analytics dbt marts on ${escapeHtml(generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC.</p>
${kpis(d)}
${charts.map(chart).join('\n')}
${topUsers(d)}
</main></body></html>
`;
}
