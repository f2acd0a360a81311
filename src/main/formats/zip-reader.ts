import type { FileHandle } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';

/**
 * Reads the entries of a ZIP container (the shell of an XLSX file) from an open file: the
 * central directory from the end of the file, each entry inflated as a stream and checked
 * against its size and CRC-32. Built for hostile files: sizes are checked before anything is
 * allocated, and an entry is refused before it inflates beyond what the directory says or
 * beyond what any spreadsheet needs (a zip bomb).
 */

/** A file inside the zip, as the central directory describes it. */
export type ZipEntry = {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

/** Something wrong with the zip's structure; the importer calls the file unreadable. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** An entry that would inflate to more than the reader accepts; `maxBytes` says how much. */
export class ZipTooLargeError extends Error {
  constructor(
    message: string,
    readonly maxBytes: number,
  ) {
    super(message);
    this.name = 'ZipTooLargeError';
  }
}

/** How much a caller accepts of one entry, inflated. */
export type EntryLimits = {
  /** Inflated bytes at most. */
  maxBytes: number;
  /**
   * Inflated per compressed byte at most, for entries above {@link RATIO_FREE_BYTES}: real
   * sheets compress 5 to 20 times; deflate's maximum of about 1,000 is a bomb.
   */
  maxRatio: number;
};

/** Entries up to this size may compress as well as they like (a column of equal values). */
export const RATIO_FREE_BYTES = 64 * 1024 * 1024;

/** Compressed bytes read per step. */
const CHUNK = 16 * 1024;
/** Inflated bytes per piece handed out (and zlib's output buffer). */
const OUTPUT_CHUNK = 64 * 1024;
/** The central directory of an XLSX lists a few dozen entries; more is not a workbook. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_UINT32 = 0xffffffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError('unexpected end of file');
  return buffer;
}

/** A 64-bit little-endian number that must fit a JavaScript number. */
function uint64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('zip64 value too large');
  return Number(value);
}

/** Where the central directory lies and how many entries it has (ZIP64 included). */
async function findCentralDirectory(
  handle: FileHandle,
  fileSize: number,
): Promise<{ offset: number; size: number; count: number }> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  if (tailLength < 22) throw new ZipFormatError('too small for a zip');
  const tailStart = fileSize - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ZipFormatError('no end of central directory');
  let count = tail.readUInt16LE(eocd + 10);
  let size = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR_SIGNATURE) {
    const at = uint64(tail, locator + 8);
    if (at + 56 > fileSize) throw new ZipFormatError('zip64 record out of bounds');
    const record = await readAt(handle, at, 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
      throw new ZipFormatError('bad zip64 end of central directory');
    }
    count = uint64(record, 32);
    size = uint64(record, 40);
    offset = uint64(record, 48);
  }
  if (offset + size > fileSize) throw new ZipFormatError('central directory out of bounds');
  if (size > MAX_DIRECTORY_BYTES) throw new ZipFormatError('central directory too large');
  return { offset, size, count };
}

/** Replaces the 0xFFFFFFFF placeholders of an entry with the values of its ZIP64 extra field. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let pos = 0;
  while (pos + 4 <= extra.length) {
    const id = extra.readUInt16LE(pos);
    const length = extra.readUInt16LE(pos + 2);
    if (id === 0x0001) {
      let field = pos + 4;
      const next = () => {
        const value = uint64(extra, field);
        field += 8;
        return value;
      };
      if (entry.size === MAX_UINT32) entry.size = next();
      if (entry.compressedSize === MAX_UINT32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX_UINT32) entry.localHeaderOffset = next();
      return;
    }
    pos += 4 + length;
  }
}

/** The zip's entries by lower-cased name (OOXML part names are case-insensitive). */
export async function readZipEntries(
  handle: FileHandle,
  fileSize: number,
): Promise<Map<string, ZipEntry>> {
  const directory = await findCentralDirectory(handle, fileSize);
  const data = await readAt(handle, directory.offset, directory.size);
  const entries = new Map<string, ZipEntry>();
  let pos = 0;
  for (let n = 0; n < directory.count; n++) {
    if (pos + 46 > data.length || data.readUInt32LE(pos) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('bad central directory entry');
    }
    const flags = data.readUInt16LE(pos + 8);
    const nameLength = data.readUInt16LE(pos + 28);
    const extraLength = data.readUInt16LE(pos + 30);
    const commentLength = data.readUInt16LE(pos + 32);
    const name = data
      .subarray(pos + 46, pos + 46 + nameLength)
      .toString('utf8')
      .replace(/\\/g, '/');
    const entry: ZipEntry = {
      name,
      method: data.readUInt16LE(pos + 10),
      crc: data.readUInt32LE(pos + 16),
      compressedSize: data.readUInt32LE(pos + 20),
      size: data.readUInt32LE(pos + 24),
      localHeaderOffset: data.readUInt32LE(pos + 42),
    };
    readZip64Extra(
      data.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength),
      entry,
    );
    if ((flags & 1) !== 0) throw new ZipFormatError('encrypted zip entry');
    if (entry.localHeaderOffset + 30 + entry.compressedSize > fileSize) {
      throw new ZipFormatError(`entry out of bounds: ${name}`);
    }
    entries.set(name.toLowerCase().replace(/^\//, ''), entry);
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Compressed bytes of an entry read so far (progress of a long sheet). */
export type ReadProgress = { bytes: number };

/** Refuses an entry whose stated size is beyond the limits, before reading any of it. */
function checkLimits(entry: ZipEntry, limits: EntryLimits): void {
  const ratio = entry.size / Math.max(1, entry.compressedSize);
  if (entry.size > limits.maxBytes) {
    throw new ZipTooLargeError(`${entry.name} inflates to ${entry.size} bytes`, limits.maxBytes);
  }
  if (entry.size > RATIO_FREE_BYTES && ratio > limits.maxRatio) {
    throw new ZipTooLargeError(
      `${entry.name} inflates ${Math.round(ratio)} times`,
      limits.maxBytes,
    );
  }
}

/** The entry's compressed bytes, read in steps of {@link CHUNK} into buffers of their own. */
async function* compressedChunks(
  handle: FileHandle,
  start: number,
  size: number,
  progress: ReadProgress,
): AsyncGenerator<Buffer> {
  let read = 0;
  while (read < size) {
    const length = Math.min(CHUNK, size - read);
    const chunk = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(chunk, 0, length, start + read);
    if (bytesRead !== length) throw new ZipFormatError('unexpected end of file');
    read += bytesRead;
    progress.bytes = read;
    yield chunk;
  }
}

/** zlib reports broken deflate data with codes of its own (`Z_DATA_ERROR`, `Z_BUF_ERROR`). */
function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * Raw deflate data inflated by zlib as a stream, in pieces of {@link OUTPUT_CHUNK}: zlib
 * holds no more than a piece ahead of the reader (backpressure), so a bomb is never inflated
 * beyond what the reader took, and the pieces are the only garbage it leaves.
 */
async function* inflated(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const inflater = createInflateRaw({ chunkSize: OUTPUT_CHUNK });
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        inflater.off('drain', done);
        inflater.off('close', done);
        resolve();
      };
      inflater.on('drain', done);
      inflater.on('close', done);
    });
  const feeding = (async () => {
    for await (const chunk of input) {
      if (inflater.destroyed) return;
      if (!inflater.write(chunk)) await drained();
    }
    inflater.end();
  })();
  // A failed read ends the inflater with its error; the loop below rethrows it.
  feeding.catch((error: unknown) => inflater.destroy(error as Error));
  try {
    for await (const data of inflater as AsyncIterable<Buffer>) yield data;
    await feeding;
  } catch (error) {
    if (isZlibError(error)) throw new ZipFormatError(`corrupt deflate data: ${String(error)}`);
    throw error;
  } finally {
    inflater.destroy();
  }
}

/**
 * The entry's uncompressed bytes in pieces (deflated: of {@link OUTPUT_CHUNK}; stored: as
 * read), checked against the size and CRC-32 of the directory at the end. An entry that
 * inflates to more than its stated size is refused at once (its CRC could only fail after
 * all of it), and so is one whose stated size is beyond `limits`.
 */
export async function* entryChunks(
  handle: FileHandle,
  entry: ZipEntry,
  limits: EntryLimits,
  progress: ReadProgress,
): AsyncGenerator<Uint8Array> {
  checkLimits(entry, limits);
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipFormatError('bad local header');
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipFormatError(`unsupported compression ${entry.method}`);
  }
  const compressed = compressedChunks(handle, start, entry.compressedSize, progress);
  // An empty deflated entry inflates to nothing (zlib would call it truncated).
  const pieces = entry.method === 8 && entry.compressedSize > 0 ? inflated(compressed) : compressed;
  let produced = 0;
  let crc = 0;
  for await (const piece of pieces) {
    produced += piece.length;
    // Thrown before the piece is handed out: the rest of a bomb is never inflated.
    if (produced > entry.size) throw new ZipFormatError(`${entry.name} inflates too far`);
    crc = crc32(piece, crc);
    yield piece;
  }
  if (produced !== entry.size || crc !== entry.crc) {
    throw new ZipFormatError(`size or CRC mismatch in ${entry.name}`);
  }
}
