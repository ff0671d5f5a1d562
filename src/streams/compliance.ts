// Compliance rows of the stream table (Codex log files and events, tasks, environments).
import type { StreamDef } from '../stream-def.js';

export const COMPLIANCE_STREAMS: readonly StreamDef[] = [];
