// The jobs a baseline process runs, and what it reports back (one JSON line on stdout).

/** Page through one endpoint: GET `url`, then the same URL with `tokenParam` = the body's `tokenField`. */
export interface PagesJob {
  name: string;
  url: string;
  tokenParam: string;
  tokenField: string;
  /** `data`: each item of data is a row; `buckets`: data holds buckets whose `results` are the rows. */
  rowsOf: 'data' | 'buckets';
}

export interface LogPartition {
  workspaceId: string;
  eventType: string;
  /** ISO instant: files whose end_time is strictly later. */
  after: string;
}

export type BaselineSpec =
  | { kind: 'pages'; auth: string; jobs: PagesJob[] }
  | {
      kind: 'logs';
      auth: string;
      /** `${api_base_url}/compliance` */
      complianceBase: string;
      partitions: LogPartition[];
      /** Downloads in flight; 1 is strictly sequential (listing page, then each file in turn). */
      concurrency: number;
    };

export interface JobReport {
  name: string;
  requests: number;
  /** Items of `data` over all pages: rows (analytics, lists) or buckets (Admin usage). */
  units: number;
  /** Lines written: one per row. */
  rows: number;
}

export interface BaselineReport {
  requests: number;
  rows: number;
  /** Response bytes received (page bodies, file bodies). */
  bytesIn: number;
  bytesOut: number;
  jobs: JobReport[];
  files?: number;
}
