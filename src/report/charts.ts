// The report's charts: Vega-Lite specs compiled to Vega and rendered to SVG in Node (no browser, no canvas),
// so the HTML carries finished pictures and needs no script to show them.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ReportData } from './marts.js';

export interface Chart {
  id: string;
  title: string;
  /** One sentence under the title: what to read from it. */
  caption: string;
  /** Null when the marts hold no rows for it (e.g. no Admin key configured). */
  svg: string | null;
}

type Values = Record<string, unknown>[];

const WIDTH = 640;
const HEIGHT = 220;
const CONFIG = {
  font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, gridColor: '#eceff3' },
  legend: { labelFontSize: 11, titleFontSize: 11 },
};

function spec(values: Values, mark: object, encoding: object): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark,
    encoding,
    config: CONFIG,
  } as TopLevelSpec;
}

// Days are UTC dates: a UTC scale keeps them on their own day whatever the machine's time zone.
const dayAxis = {
  field: 'day',
  type: 'temporal',
  title: null,
  scale: { type: 'utc' },
  axis: { format: '%b %d' },
};

function specs(
  data: ReportData,
): { id: string; title: string; caption: string; values: Values; spec: TopLevelSpec }[] {
  const charts = [
    {
      id: 'adoption',
      title: 'Daily active Codex users',
      caption: 'People who used Codex each day, per workspace.',
      values: data.adoption,
      spec: spec(
        data.adoption,
        { type: 'line', point: true, strokeWidth: 2 },
        {
          x: dayAxis,
          y: { field: 'activeUsers', type: 'quantitative', title: 'active users' },
          color: { field: 'workspace', type: 'nominal', title: 'workspace' },
        },
      ),
    },
    {
      id: 'credits-by-client',
      title: 'Codex credits by client',
      caption: 'Credits are Codex usage units, not dollars. Where people used Codex from, day by day.',
      values: data.creditsByClient,
      spec: spec(
        data.creditsByClient,
        { type: 'bar' },
        {
          x: { ...dayAxis, timeUnit: 'utcyearmonthdate' },
          y: { field: 'credits', type: 'quantitative', aggregate: 'sum', title: 'credits' },
          color: { field: 'client', type: 'nominal', title: 'client' },
        },
      ),
    },
    {
      id: 'credits-by-model',
      title: 'Codex credits by model',
      caption: 'All days together, largest first.',
      values: data.creditsByModel,
      spec: spec(
        data.creditsByModel,
        { type: 'bar' },
        {
          y: { field: 'model', type: 'nominal', sort: '-x', title: null },
          x: { field: 'credits', type: 'quantitative', title: 'credits' },
        },
      ),
    },
    {
      id: 'review-findings',
      title: 'Code review findings by severity',
      caption: 'Comments Codex left on pull requests, P0 (most severe) to P2, per day.',
      values: data.findings,
      spec: spec(
        data.findings,
        { type: 'bar' },
        {
          x: { ...dayAxis, timeUnit: 'utcyearmonthdate' },
          y: { field: 'findings', type: 'quantitative', title: 'findings' },
          color: { field: 'severity', type: 'nominal', scale: { range: ['#c0392b', '#e67e22', '#f1c40f'] } },
        },
      ),
    },
    {
      id: 'api-cost',
      title: 'OpenAI API cost by project (USD)',
      caption: 'From the Admin API: money billed per project and day.',
      values: data.apiCost,
      spec: spec(
        data.apiCost,
        { type: 'bar' },
        {
          x: { ...dayAxis, timeUnit: 'utcyearmonthdate' },
          y: { field: 'amount', type: 'quantitative', aggregate: 'sum', title: 'USD' },
          color: { field: 'project', type: 'nominal', title: 'project' },
        },
      ),
    },
  ];
  return charts;
}

async function toSvg(vl: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(vl).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderCharts(data: ReportData): Promise<Chart[]> {
  const out: Chart[] = [];
  for (const c of specs(data))
    out.push({
      id: c.id,
      title: c.title,
      caption: c.caption,
      svg: c.values.length === 0 ? null : await toSvg(c.spec),
    });
  return out;
}
