import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { WEB_DOWNLOAD_PREFIX } from '@core/ipc/wire';
import { writeOutputFile } from './output-target';

/**
 * Files of one run of the `web` mode, where the page can name no path on the server: files
 * to read arrive as uploads, files written leave as downloads. Both live in a private
 * folder of this run (removed when it ends) under random ids; the page only ever holds the
 * ids.
 */

/** Prefix of an upload's handle, the value the import channels take instead of a path. */
export const UPLOAD_HANDLE_PREFIX = 'upload:';

/** Largest upload accepted: above the biggest list the importer is built for. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export type Upload = {
  /** `upload:<id>`: what the page passes to `import.inspect` and `import.start`. */
  handle: string;
  /** The name the browser gave, made safe for a file system. */
  fileName: string;
  size: number;
};

/** A file being written for download; visible to {@link TransferStore.download} once published. */
export type DownloadSlot = {
  /** Where to write it (inside this run's folder). */
  path: string;
  fileName: string;
  /** Relative address the page fetches it from (with its token). */
  url: string;
  /** Makes the written file downloadable. */
  publish(): void;
  /** Gives the slot up after a failed write. */
  discard(): Promise<void>;
};

export type TransferStore = {
  readonly maxUploadBytes: number;
  /**
   * Streams an upload's body into this run's folder: at most `maxUploadBytes` (else
   * {@link UploadTooLargeError}, nothing kept). Returns its handle.
   */
  receive(fileName: string, body: NodeJS.ReadableStream): Promise<Upload>;
  /** The server path of an upload handle of this run, or null for anything else. */
  uploadPath(handle: string): string | null;
  /** A fresh place for a file the page will download under `fileName`. */
  createDownload(fileName: string): Promise<DownloadSlot>;
  /** A published download by id, or null. */
  download(id: string): { path: string; fileName: string } | null;
  /** Removes every upload and download of this run. */
  close(): Promise<void>;
};

export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload larger than ${maxBytes} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

/** Characters Windows, macOS or Linux do not allow in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const MAX_NAME_LENGTH = 200;
/** Device names Windows reserves, with any extension (`NUL.csv` is the null device). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A file name safe on every system: the last path segment only, without control and
 * reserved characters or Windows device names, no leading dots (nothing hidden, never
 * `..`), at most 200 characters (the extension kept); `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'datei'): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const trimmed = last
    .replace(UNSAFE_NAME_CHARACTERS, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  const cleaned = WINDOWS_DEVICE.test(trimmed) ? `_${trimmed}` : trimmed;
  if (cleaned === '') return fallback;
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return chars.slice(0, MAX_NAME_LENGTH - extension.length).join('') + extension;
}

const newId = (): string => randomBytes(16).toString('hex');

/**
 * Counts the bytes passing through and passes on none beyond `max`. The rest of the body is
 * still read (and dropped), so that the server can answer 413 on an intact connection.
 */
function byteLimit(max: number): { stream: Transform; bytes: () => number } {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      bytes += chunk.length;
      callback(null, bytes > max ? undefined : chunk);
    },
  });
  return { stream, bytes: () => bytes };
}

/** Creates the private folder of one web run (`root`: where; the system's temp folder by default). */
export async function createTransferStore(
  options: { root?: string; maxUploadBytes?: number } = {},
): Promise<TransferStore> {
  const dir = await mkdtemp(join(options.root ?? tmpdir(), 'leadwerk-web-'));
  const maxUploadBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const uploads = new Map<string, string>();
  const downloads = new Map<string, { path: string; fileName: string }>();

  const freshFolder = async (kind: 'uploads' | 'downloads') => {
    const id = newId();
    const folder = join(dir, kind, id);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    return { id, folder };
  };

  return {
    maxUploadBytes,

    async receive(name, body) {
      const fileName = safeFileName(name);
      const { id, folder } = await freshFolder('uploads');
      let size = 0;
      try {
        const written = await writeOutputFile(
          join(folder, fileName),
          { overwrite: false, database: null },
          async (out) => {
            const limit = byteLimit(maxUploadBytes);
            await pipeline(body, limit.stream, out, { end: false });
            size = limit.bytes();
            if (size > maxUploadBytes) throw new UploadTooLargeError(maxUploadBytes);
          },
        );
        uploads.set(id, written.path);
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
      return { handle: `${UPLOAD_HANDLE_PREFIX}${id}`, fileName, size };
    },

    uploadPath(handle) {
      if (!handle.startsWith(UPLOAD_HANDLE_PREFIX)) return null;
      return uploads.get(handle.slice(UPLOAD_HANDLE_PREFIX.length)) ?? null;
    },

    async createDownload(name) {
      const fileName = safeFileName(name);
      const { id, folder } = await freshFolder('downloads');
      const path = join(folder, fileName);
      return {
        path,
        fileName,
        url: `${WEB_DOWNLOAD_PREFIX}${id}`,
        publish: () => void downloads.set(id, { path, fileName }),
        discard: () => rm(folder, { recursive: true, force: true }),
      };
    },

    download(id) {
      return downloads.get(id) ?? null;
    },

    async close() {
      uploads.clear();
      downloads.clear();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
