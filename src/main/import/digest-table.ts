/**
 * Numbers (ids under 2³² − 1) by a 32-bit digest of a text, for an index of many more texts
 * than memory should hold as strings. A {@link DigestTable} keeps them in two typed arrays
 * (8 bytes a slot, at most three quarters full: open addressing, linear probing; a text may
 * be added with several ids) up to a fixed number of slots; a full table is frozen into
 * pages written elsewhere ({@link FrozenDigests}) with only a Bloom filter of its digests
 * (10 bits a text) kept in memory, and a new table starts. So memory stays at the table's
 * size plus little more than a byte per text, however many texts there are.
 *
 * A digest names a text only probably: lookups return every id added under any text with
 * the same digest (about one other in four billion per id they pass), and the caller
 * confirms each against what it kept under the id.
 */

/** Slots of a frozen table per page. */
export const PAGE_SLOTS = 512;

/**
 * A 32-bit digest of a text's UTF-16 code units (so any string, even one with an unpaired
 * surrogate, has one): FNV-1a per unit, finished with MurmurHash3's mixer so that the low
 * bits (the table's slot) depend on every unit.
 */
export function digestOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return mix(hash);
}

/** MurmurHash3's 32-bit finaliser. */
function mix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Ids of the slots from `slot` on whose digest is `digest`, up to the first empty slot. */
function probe(
  digests: Uint32Array,
  ids: Uint32Array,
  slot: number,
  digest: number,
  found: number[],
): boolean {
  for (let i = slot; i < ids.length; i++) {
    const stored = ids[i] as number;
    if (stored === 0) return true;
    if (digests[i] === digest) found.push(stored - 1);
  }
  return false;
}

/** The in-memory table; see the file's comment. */
export class DigestTable {
  #digests: Uint32Array;
  /** Id + 1 (0: empty slot). */
  #ids: Uint32Array;
  #size = 0;

  /** `maxSlots`: a power of two; the table is {@link full} at three quarters of it. */
  constructor(readonly maxSlots: number) {
    const slots = Math.min(1024, maxSlots);
    this.#digests = new Uint32Array(slots);
    this.#ids = new Uint32Array(slots);
  }

  /** Texts added (with repeats). */
  get size(): number {
    return this.#size;
  }

  /** Whether another text fits. */
  get full(): boolean {
    return (this.#size + 1) * 4 > this.maxSlots * 3;
  }

  add(digest: number, id: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= 0xffff_ffff) {
      throw new RangeError(`id out of range: ${id}`);
    }
    if (this.full) throw new RangeError('digest table is full');
    if ((this.#size + 1) * 4 > this.#ids.length * 3) this.#grow();
    this.#put(digest, id + 1);
    this.#size += 1;
  }

  /** Adds to `found` the ids added under `digest`. */
  collect(digest: number, found: number[]): void {
    const mask = this.#ids.length - 1;
    // Wraps around once at most: the table is never full.
    if (!probe(this.#digests, this.#ids, digest & mask, digest, found)) {
      probe(this.#digests, this.#ids, 0, digest, found);
    }
  }

  /** The slots as they are (for freezing): digests and ids + 1, `maxSlots` long. */
  slots(): { digests: Uint32Array; ids: Uint32Array } {
    while (this.#ids.length < this.maxSlots) this.#grow();
    return { digests: this.#digests, ids: this.#ids };
  }

  #put(digest: number, stored: number): void {
    const mask = this.#ids.length - 1;
    let slot = digest & mask;
    while (this.#ids[slot] !== 0) slot = (slot + 1) & mask;
    this.#digests[slot] = digest;
    this.#ids[slot] = stored;
  }

  #grow(): void {
    const digests = this.#digests;
    const ids = this.#ids;
    this.#digests = new Uint32Array(ids.length * 2);
    this.#ids = new Uint32Array(ids.length * 2);
    for (let slot = 0; slot < ids.length; slot++) {
      const stored = ids[slot] as number;
      if (stored !== 0) this.#put(digests[slot] as number, stored);
    }
  }
}

/** Bits of a frozen table's Bloom filter per text, and bits looked at per lookup. */
const BLOOM_BITS_PER_TEXT = 10;
const BLOOM_PROBES = 7;

/** A page of a frozen table: {@link PAGE_SLOTS} digests, then as many ids + 1. */
export type DigestPage = Uint8Array;

/**
 * A full {@link DigestTable} written out in pages (`write(page, bytes)`, pages 0, 1, …)
 * and read back page by page (`read(page)`) only for a digest its Bloom filter may hold —
 * for texts never added, about one lookup in a hundred.
 */
export class FrozenDigests {
  readonly #bloom: Uint32Array;
  readonly #bits: number;
  readonly #slots: number;

  constructor(
    table: DigestTable,
    write: (page: number, bytes: DigestPage) => void,
    private readonly read: (page: number) => DigestPage,
  ) {
    const { digests, ids } = table.slots();
    this.#slots = ids.length;
    this.#bits = Math.max(1024, Math.ceil((table.size * BLOOM_BITS_PER_TEXT) / 32) * 32);
    this.#bloom = new Uint32Array(this.#bits / 32);
    for (let slot = 0; slot < ids.length; slot++) {
      if (ids[slot] !== 0) this.#remember(digests[slot] as number);
    }
    for (let page = 0; page * PAGE_SLOTS < ids.length; page++) {
      const from = page * PAGE_SLOTS;
      const bytes = new Uint8Array(PAGE_SLOTS * 8);
      const view = new Uint32Array(bytes.buffer);
      view.set(digests.subarray(from, from + PAGE_SLOTS));
      view.set(ids.subarray(from, from + PAGE_SLOTS), PAGE_SLOTS);
      write(page, bytes);
    }
  }

  /** Adds to `found` the ids added under `digest`. */
  collect(digest: number, found: number[]): void {
    if (!this.#mayHold(digest)) return;
    let slot = digest & (this.#slots - 1);
    for (;;) {
      const page = Math.floor(slot / PAGE_SLOTS);
      const from = page * PAGE_SLOTS;
      // A table smaller than a page fills only the start of it.
      const length = Math.min(PAGE_SLOTS, this.#slots - from);
      const bytes = this.read(page);
      const view =
        bytes.byteOffset % 4 === 0
          ? new Uint32Array(bytes.buffer, bytes.byteOffset, PAGE_SLOTS * 2)
          : new Uint32Array(bytes.slice().buffer);
      const digests = view.subarray(0, length);
      const ids = view.subarray(PAGE_SLOTS, PAGE_SLOTS + length);
      if (probe(digests, ids, slot - from, digest, found)) return;
      // The run of slots goes on in the next page (after the last, the first).
      slot = (from + length) % this.#slots;
    }
  }

  #remember(digest: number): void {
    const step = mix(digest ^ 0x9e3779b9) | 1;
    for (let i = 0; i < BLOOM_PROBES; i++) {
      const bit = ((digest + Math.imul(i, step)) >>> 0) % this.#bits;
      this.#bloom[bit >>> 5] = (this.#bloom[bit >>> 5] as number) | (1 << (bit & 31));
    }
  }

  #mayHold(digest: number): boolean {
    const step = mix(digest ^ 0x9e3779b9) | 1;
    for (let i = 0; i < BLOOM_PROBES; i++) {
      const bit = ((digest + Math.imul(i, step)) >>> 0) % this.#bits;
      if (((this.#bloom[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}
