// Python's str.splitlines(), which Airbyte's acceptance tests use on a connector's stdout. It breaks on more
// than \n: a raw U+2028 inside a JSON string cuts one message into two unparsable halves for every Python reader.

/** Every line boundary str.splitlines() recognises (\r\n counts as one). */
// eslint-disable-next-line no-control-regex -- Python also breaks on the file, group and record separators
export const PYTHON_LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** The separators other than \n. JSON.stringify escapes the control characters among them, but leaves U+0085,
 * U+2028 and U+2029 raw inside strings: a writer must escape those itself. */
// eslint-disable-next-line no-control-regex -- as above
export const OTHER_LINE_BREAKS = /[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

export function splitlines(text: string): string[] {
  const lines = text.split(PYTHON_LINE_BREAKS);
  // Like Python: a trailing separator ends the last line rather than opening an empty one.
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
