// Moves every cursor of a saved state far into the future (2099-12-31), keeping each value's form: a day
// stays a day, an ISO time keeps its precision and zone, epoch seconds stay seconds. Partitions are kept.
import type { Json } from './messages.js';

const FAR = Date.UTC(2099, 11, 31);

function future(value: unknown): unknown {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return '2099-12-31';
    return value.replace(/^\d{4}-\d{2}-\d{2}([T ])\d{2}:\d{2}:\d{2}/, '2099-12-31$100:00:00');
  }
  if (typeof value === 'number' && Number.isInteger(value) && value > 1e9) {
    // Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude.
    const scale = value < 1e11 ? 1e-3 : value < 1e14 ? 1 : value < 1e17 ? 1e3 : 1e6;
    return FAR * scale;
  }
  if (Array.isArray(value)) return value.map(future);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'partition' ? v : future(v)]));
  return value;
}

export function futureState(message: Json): Json {
  const stream = message.stream as Json;
  return { ...message, stream: { ...stream, stream_state: future(stream.stream_state) } };
}
