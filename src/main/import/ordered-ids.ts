import { randomUUID } from 'node:crypto';

/**
 * Ids for the rows an import writes: UUIDs of version 7 (RFC 9562), time-ordered, so that
 * each chunk appends to the primary-key and lead-id indexes instead of touching pages all
 * over them — far fewer pages to journal per chunk transaction. A 26-bit counter keeps ids
 * of one millisecond (or of a fixed test clock) in order; 48 random bits keep them unique
 * across machines.
 */
export function createOrderedIds(now: () => number): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = Math.max(now(), lastMs);
    if (ms === lastMs) {
      counter += 1;
      if (counter >= 2 ** 26) {
        ms += 1;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastMs = ms;
    const time = ms.toString(16).padStart(12, '0').slice(-12);
    const high = ((counter >>> 14) & 0xfff).toString(16).padStart(3, '0');
    const low = (0x8000 | (counter & 0x3fff)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${high}-${low}-${randomUUID().slice(24)}`;
  };
}
