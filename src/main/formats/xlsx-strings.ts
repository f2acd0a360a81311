import { DEFAULT_MAX_FIELD_LENGTH } from '@core/formats/csv';
import type { XmlToken } from './xml';

/**
 * The texts of an XLSX workbook: string items (`<si>` of the shared strings table, `<is>` of
 * an inline cell) and the shared strings table itself, held compactly and within limits.
 */

/** A cell's text is cut at this many characters, like a CSV field. */
export const MAX_CELL_TEXT = DEFAULT_MAX_FIELD_LENGTH;

/** The shared strings table holds at most this many strings … */
export const MAX_SHARED_STRINGS = 2_000_000;

/** … and at most this many bytes of text (UTF-8). A larger workbook is refused. */
export const MAX_SHARED_STRING_BYTES = 64 * 1024 * 1024;

/** The shared strings table is beyond {@link MAX_SHARED_STRINGS} or its bytes. */
export class SharedStringsTooLargeError extends Error {
  constructor() {
    super('shared strings table too large');
    this.name = 'SharedStringsTooLargeError';
  }
}

/** OOXML escapes characters in strings as `_xHHHH_` (`_x000D_` is CR, `_x005F_` a literal `_`). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** A string item's text and whether it was cut at {@link MAX_CELL_TEXT}. */
export type ItemText = { text: string; cut: boolean };

/**
 * Collects the text of a string item (`<si>` or `<is>`): its `<t>`, or the `<t>` of each rich
 * text run `<r>`, without phonetic runs (`<rPh>`), cut at {@link MAX_CELL_TEXT} characters.
 */
export class StringCollector {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];
  private length = 0;
  private cut = false;

  /** Takes one token inside the item. */
  token(token: XmlToken): void {
    if (token.kind === 'open') {
      if (token.name === 'rPh' && !token.selfClosing) this.depthInPhonetic++;
      else if (token.name === 't' && !token.selfClosing && this.depthInPhonetic === 0) {
        this.inText = true;
      }
    } else if (token.kind === 'close') {
      if (token.name === 'rPh') this.depthInPhonetic = Math.max(0, this.depthInPhonetic - 1);
      else if (token.name === 't') this.inText = false;
    } else if (this.inText) this.add(token.text);
  }

  private add(text: string): void {
    const room = MAX_CELL_TEXT - this.length;
    if (text.length > room) this.cut = true;
    if (room <= 0) return;
    const piece = text.length > room ? text.slice(0, room) : text;
    this.parts.push(piece);
    this.length += piece.length;
  }

  take(): ItemText {
    // Not detached here: shared strings are copied into the table's buffer, and the sheet
    // parser detaches the cells it hands out.
    const item = { text: decodeOoxmlEscapes(this.parts.join('')), cut: this.cut };
    this.parts = [];
    this.length = 0;
    this.cut = false;
    this.inText = false;
    this.depthInPhonetic = 0;
    return item;
  }
}

/**
 * The shared strings of a workbook, any of which a cell may name by its index. Kept as UTF-8
 * in one buffer with an offset per string rather than as a million JavaScript strings, and
 * bounded: beyond {@link MAX_SHARED_STRINGS} strings or {@link MAX_SHARED_STRING_BYTES}
 * bytes, `add` throws {@link SharedStringsTooLargeError}.
 */
export class SharedStringTable {
  #bytes: Buffer;
  #used = 0;
  #ends = new Uint32Array(1024);
  #count = 0;
  /** Indexes of strings cut at {@link MAX_CELL_TEXT} (rare). */
  readonly #cut = new Set<number>();

  /**
   * `capacity`: the bytes of text to expect, e.g. the size of the XML part holding them
   * (text is never longer than its markup). The buffer is allocated uninitialised, so
   * memory is only used as it is written, and it need not grow by copying.
   */
  constructor(capacity = 64 * 1024) {
    this.#bytes = Buffer.allocUnsafeSlow(
      Math.max(1024, Math.min(capacity, MAX_SHARED_STRING_BYTES)),
    );
  }

  get size(): number {
    return this.#count;
  }

  add(item: ItemText): void {
    if (this.#count >= MAX_SHARED_STRINGS) throw new SharedStringsTooLargeError();
    const length = Buffer.byteLength(item.text, 'utf8');
    const needed = this.#used + length;
    if (needed > MAX_SHARED_STRING_BYTES) throw new SharedStringsTooLargeError();
    if (needed > this.#bytes.length) {
      const grown = Buffer.allocUnsafeSlow(
        Math.min(MAX_SHARED_STRING_BYTES, Math.max(needed, this.#bytes.length * 2)),
      );
      this.#bytes.copy(grown, 0, 0, this.#used);
      this.#bytes = grown;
    }
    if (this.#count === this.#ends.length) {
      const grown = new Uint32Array(Math.min(MAX_SHARED_STRINGS, this.#ends.length * 2));
      grown.set(this.#ends);
      this.#ends = grown;
    }
    this.#bytes.write(item.text, this.#used, 'utf8');
    this.#used = needed;
    if (item.cut) this.#cut.add(this.#count);
    this.#ends[this.#count++] = needed;
  }

  /**
   * Frees the table's memory at once rather than at the next garbage collection: a workbook
   * inspected and then imported would otherwise hold two tables of up to 64 MB for a while.
   * The table is empty afterwards.
   */
  release(): void {
    detach(this.#bytes.buffer);
    detach(this.#ends.buffer);
    this.#bytes = Buffer.allocUnsafeSlow(0);
    this.#ends = new Uint32Array(0);
    this.#used = 0;
    this.#count = 0;
    this.#cut.clear();
  }

  /** The string at `index`; undefined beyond the table (a broken or hostile file). */
  get(index: number): ItemText | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#count) return undefined;
    const start = index === 0 ? 0 : (this.#ends[index - 1] as number);
    return {
      text: this.#bytes.toString('utf8', start, this.#ends[index]),
      cut: this.#cut.has(index),
    };
  }
}

/** `ArrayBuffer.prototype.transfer` (ES2024; the project's library is ES2023). */
type Transferable = ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer };

/**
 * Detaches an array buffer, which frees its memory now. Only for buffers of their own
 * (`allocUnsafeSlow`, typed arrays), never a slice of Node's shared small-buffer pool.
 */
function detach(buffer: ArrayBufferLike): void {
  (buffer as Transferable).transfer?.(0);
}

/**
 * Reads the `<si>` items of the shared strings part from its tokens into a table; `size` is
 * the part's inflated size.
 */
export async function readSharedStrings(
  size: number,
  parse: (onToken: (token: XmlToken) => void) => Promise<void>,
): Promise<SharedStringTable> {
  const table = new SharedStringTable(size);
  const collector = new StringCollector();
  let inItem = false;
  await parse((token) => {
    if (token.kind === 'open' && token.name === 'si') {
      if (token.selfClosing) table.add({ text: '', cut: false });
      else inItem = true;
    } else if (token.kind === 'close' && token.name === 'si') {
      table.add(collector.take());
      inItem = false;
    } else if (inItem) collector.token(token);
  });
  return table;
}
