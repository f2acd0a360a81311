/**
 * Below this length JavaScript engines copy substrings anyway (V8: SlicedString::kMinLength
 * is 13), so there is nothing to detach.
 */
const SHARED_MIN_LENGTH = 13;

/**
 * A copy of `text` that shares no memory with the larger string it was cut from.
 *
 * Engines represent `big.slice(a, b)` as a view into `big`, and `a + b` as a pair of
 * references, so a 30-character cell cut from a 64 KiB chunk of a file keeps the whole chunk
 * alive for as long as the cell lives. Readers hand every cell through here, so that what a
 * run keeps (issues, previews, duplicate keys) costs its own length, never the file's.
 * Prepending a character and slicing it off again makes the engine flatten the text into a
 * new string of its own length.
 */
export function detachString(text: string): string {
  return text.length < SHARED_MIN_LENGTH ? text : ` ${text}`.slice(1);
}
