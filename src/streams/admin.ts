// OpenAI organization Admin API rows of the stream table.
import type { StreamDef } from '../stream-def.js';

export const ADMIN_STREAMS: readonly StreamDef[] = [];
