import type { TextEncoding } from './types';

/**
 * The WHATWG TextDecoder as Node and the browsers provide it. Core compiles against the
 * plain ES library, which does not declare it, so it is typed here by what we use.
 */
type WhatwgTextDecoder = { decode(input?: Uint8Array, options?: { stream?: boolean }): string };
type WhatwgTextDecoderConstructor = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => WhatwgTextDecoder;

const TextDecoderImpl = (globalThis as unknown as { TextDecoder: WhatwgTextDecoderConstructor })
  .TextDecoder;

const BOM_CHAR = '\uFEFF';

/**
 * Decodes bytes in the charset a file names (`UTF-8`, `ISO-8859-1`, `windows-1252`, …; WHATWG
 * labels, so ISO-8859-1 reads as Windows-1252 and keeps `€`). An unknown charset reads as
 * UTF-8; bytes that do not fit become U+FFFD rather than an error.
 */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  let decoder: WhatwgTextDecoder;
  try {
    decoder = new TextDecoderImpl(charset.trim().toLowerCase(), { ignoreBOM: true });
  } catch {
    decoder = new TextDecoderImpl('utf-8', { ignoreBOM: true });
  }
  return decoder.decode(bytes);
}

/**
 * Whether `bytes` is well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF). A multi-byte sequence cut off by the end of the sample counts as
 * valid, since samples are cut at arbitrary byte offsets.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0;
      else if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      else if (b === 0xf4) max = 0x8f;
    } else return false;
    for (let k = 1; k < length; k++) {
      if (i + k >= n) return true;
      const c = bytes[i + k] as number;
      if (c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return false;
    }
    i += length;
  }
  return true;
}

/**
 * Whether `bytes` is well-formed UTF-8 to its very end: unlike {@link isValidUtf8}, a
 * sequence cut off by the end counts as invalid (for byte runs that are complete, such as a
 * quoted-printable value, where a lone `=E4` is Windows-1252's ä, not half a character).
 */
export function isCompleteUtf8(bytes: Uint8Array): boolean {
  if (!isValidUtf8(bytes)) return false;
  let start = bytes.length - 1;
  while (start > 0 && bytes.length - start < 4 && ((bytes[start] as number) & 0xc0) === 0x80) {
    start--;
  }
  const lead = bytes[start];
  if (lead === undefined || lead < 0x80) return true;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return bytes.length - start === length;
}

/** The byte-order mark at the start of `sample`, if any. */
function bomEncoding(sample: Uint8Array): TextEncoding | null {
  const [a, b, c] = sample;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

/**
 * Detects the encoding of a file from its first bytes: a byte-order mark decides (UTF-8,
 * UTF-16 LE/BE); otherwise strictly valid UTF-8 is UTF-8, and anything else is taken as
 * Windows-1252, the encoding German Excel writes (it keeps `€`, which Latin-1 does not).
 */
export function detectEncoding(sample: Uint8Array): { encoding: TextEncoding; bom: boolean } {
  const bom = bomEncoding(sample);
  if (bom) return { encoding: bom, bom: true };
  return { encoding: isValidUtf8(sample) ? 'utf-8' : 'windows-1252', bom: false };
}

/** C0 controls other than tab, LF, FF and CR; DEL; the C1 controls. */
function countControlChars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) ||
      (c >= 0x7f && c <= 0x9f)
    ) {
      count++;
    }
  }
  return count;
}

/**
 * Tells what a file's first bytes are: `zip` for a ZIP container (an XLSX or DOCX, perhaps
 * renamed to .csv), `binary` for NUL bytes (outside a UTF-16 file with BOM) or more than 10 %
 * control characters, `empty` for no bytes or only a BOM and whitespace, else `text`.
 */
export function sniffContent(sample: Uint8Array): 'text' | 'zip' | 'binary' | 'empty' {
  if (sample.length === 0) return 'empty';
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    return 'zip';
  }
  const { encoding, bom } = detectEncoding(sample);
  const utf16 = bom && encoding !== 'utf-8';
  if (!utf16 && sample.includes(0)) return 'binary';
  const text = decodeBytes(sample, encoding).replace(/^\uFEFF/, '');
  if (text.trim() === '') return 'empty';
  return countControlChars(text) > text.length * 0.1 ? 'binary' : 'text';
}

/**
 * A streaming decoder for a file read in chunks: multi-byte sequences split between chunks
 * decode correctly, and a leading byte-order mark is dropped. Call `end()` once after the
 * last chunk.
 */
export function createTextDecoder(encoding: TextEncoding): {
  decode(chunk: Uint8Array): string;
  end(): string;
} {
  const decoder = new TextDecoderImpl(encoding, { ignoreBOM: true });
  let atStart = true;
  const stripBom = (text: string): string => {
    if (!atStart || text === '') return text;
    atStart = false;
    return text.startsWith(BOM_CHAR) ? text.slice(1) : text;
  };
  return {
    decode: (chunk) => stripBom(decoder.decode(chunk, { stream: true })),
    end: () => stripBom(decoder.decode()),
  };
}
