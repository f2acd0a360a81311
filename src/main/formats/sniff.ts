import { extname } from 'node:path';
import { decodeBytes, detectEncoding, sniffContent } from '@core/formats/encoding';
import { assertNever } from '@core/domain/stages';
import type { TextEncoding } from '@core/formats/types';
import type { ImportFormat } from '@core/formats/types';
import { AppError } from '../errors';

/** Bytes of the start of a file that detection looks at. */
export const SAMPLE_BYTES = 64 * 1024;

/** Extensions the importer reads, by the format they promise. */
const EXTENSION_FORMATS: Record<string, ImportFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'csv',
  tab: 'csv',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  vcf: 'vcard',
  vcard: 'vcard',
};

/**
 * File kinds recognised by their first bytes that the importer cannot read. The names are
 * the same in every language ("eine PDF-Datei", "a PDF file").
 */
const FOREIGN_SIGNATURES: { kind: string; bytes: number[] }[] = [
  { kind: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'GZIP', bytes: [0x1f, 0x8b] },
  { kind: '7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: 'RTF', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];

/** Compound File Binary: Excel 97–2003 (.xls), old Word and Outlook files. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(sample: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, index) => sample[index] === byte);
}

/** The lower-case extension without the dot ("csv"), or "" when the name has none. */
export function extensionOf(fileName: string): string {
  return extname(fileName).slice(1).toLowerCase();
}

/** Whether the text starts (after blank lines) with `BEGIN:VCARD`. */
function looksLikeVcard(text: string): boolean {
  const first =
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .split(/\r\n|\r|\n/, 1)[0] ?? '';
  return first.trim().toUpperCase() === 'BEGIN:VCARD';
}

/**
 * Decides how to read a file from its name, its first bytes and what the user chose. The
 * content wins over the extension: a ZIP container is read as XLSX even when it is called
 * `.csv`, and a text file is CSV unless it starts with `BEGIN:VCARD` (or the user chose
 * vCard). Throws FILE_UNREADABLE with a precise text for empty files, known foreign
 * formats (PDF, images, archives, old Office files) and other binary content.
 */
export function detectFormat(
  fileName: string,
  sample: Uint8Array,
  chosen: { format?: ImportFormat | undefined; encoding?: TextEncoding | undefined },
): ImportFormat {
  const file = fileName;
  const extension = extensionOf(fileName);
  const promised = EXTENSION_FORMATS[extension];
  if (startsWith(sample, OLE_SIGNATURE)) {
    throw new AppError('FILE_UNREADABLE', 'importErrors.oldOffice', { file });
  }
  const foreign = FOREIGN_SIGNATURES.find((signature) => startsWith(sample, signature.bytes));
  if (foreign !== undefined) {
    if (promised !== undefined) {
      throw new AppError('FILE_UNREADABLE', 'importErrors.renamed', {
        file,
        extension,
        kind: foreign.kind,
      });
    }
    throw new AppError('FILE_UNREADABLE', 'importErrors.otherType', { file, kind: foreign.kind });
  }
  const content = sniffContent(sample);
  const utf16Chosen = chosen.encoding === 'utf-16le' || chosen.encoding === 'utf-16be';
  switch (content) {
    case 'empty':
      throw new AppError('FILE_UNREADABLE', 'importErrors.empty', { file });
    case 'zip':
      return 'xlsx';
    case 'binary':
      if (!utf16Chosen) throw new AppError('FILE_UNREADABLE', 'importErrors.binary', { file });
      break;
    case 'text':
      break;
    default:
      assertNever(content);
  }
  if (chosen.format === 'vcard' || chosen.format === 'csv') return chosen.format;
  const encoding = chosen.encoding ?? detectEncoding(sample).encoding;
  return looksLikeVcard(decodeBytes(sample, encoding)) ? 'vcard' : 'csv';
}

/** Whether the name promises an XLSX file (so a broken ZIP is a damaged workbook). */
export function promisesXlsx(fileName: string): boolean {
  return EXTENSION_FORMATS[extensionOf(fileName)] === 'xlsx';
}
