// What the one stdout writer writes: JSON objects, one per line, whichever protocol they belong to.

/** One message of either protocol: a JSON object with a `type`. */
export type Line = Record<string, unknown> & { type: string };

// Python's splitlines() (used by Airbyte's tests and platform) also breaks lines on \v \f \x1c-\x1e, U+0085,
// U+2028 and U+2029. JSON.stringify escapes every control character below U+0020, so only the last three can
// appear raw in JSON text; escaping them keeps one message on one line for every reader. The search runs on
// the UTF-8 bytes of a batch (fast whatever the characters): a lead byte never occurs inside another
// character's encoding, so E2 80 A8 / E2 80 A9 / C2 85 found anywhere are exactly U+2028 / U+2029 / U+0085.
const E2_80 = Buffer.from([0xe2, 0x80]);
const C2_85 = Buffer.from([0xc2, 0x85]);
const ESCAPED: Record<number, Buffer> = {
  0xa8: Buffer.from('\\u2028'),
  0xa9: Buffer.from('\\u2029'),
  0x85: Buffer.from('\\u0085'),
};

export function escapeLineBreakerBytes(bytes: Buffer): Buffer {
  const hits: number[] = [];
  for (let i = bytes.indexOf(E2_80); i !== -1; i = bytes.indexOf(E2_80, i + 2)) {
    if (bytes[i + 2] === 0xa8 || bytes[i + 2] === 0xa9) hits.push(i);
  }
  for (let i = bytes.indexOf(C2_85); i !== -1; i = bytes.indexOf(C2_85, i + 2)) hits.push(i);
  if (hits.length === 0) return bytes;
  hits.sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const at of hits) {
    const width = bytes[at] === 0xe2 ? 3 : 2;
    parts.push(bytes.subarray(from, at), ESCAPED[bytes[at + width - 1] ?? 0] as Buffer);
    from = at + width;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
