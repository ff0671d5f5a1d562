// The stream table: one row per stream, kept per family under streams/. Adding a stream is a row there,
// a schemas/<name>.json and a fixture; the catalog, the README's stream list and the readers follow.
import type { StreamDef } from './stream-def.js';
import { ADMIN_STREAMS } from './streams/admin.js';
import { ANALYTICS_STREAMS } from './streams/analytics.js';
import { COMPLIANCE_STREAMS } from './streams/compliance.js';

export const STREAMS: readonly StreamDef[] = [...ANALYTICS_STREAMS, ...COMPLIANCE_STREAMS, ...ADMIN_STREAMS];

export function findStream(name: string): StreamDef | undefined {
  return STREAMS.find((s) => s.name === name);
}
