import { createContext, useContext } from 'react';
import type { Download } from '@core/ipc/import-schemas';
import type { AppErrorData, Result } from '@core/ipc/result';
import { WEB_TOKEN_HEADER, WEB_UPLOAD_PATH } from '@core/ipc/wire';

/** An uploaded file as main knows it: `file` is the handle the import channels take. */
export type UploadedFile = { file: string; fileName: string; size: number };

/**
 * How files move between the browser and main in `web` mode, where the page can name no
 * path on the server: files to import are uploaded, files main wrote are downloaded.
 * Absent in Electron, whose native dialogs give paths.
 */
export type FileTransfers = {
  /** Sends a file the user chose; never throws (errors are values, in the UI's language). */
  upload(file: File): Promise<Result<UploadedFile>>;
  /** Hands a file main wrote to the browser's downloads. */
  download(download: Download): void;
};

function uploadError(key: string, params: Record<string, string | number>): AppErrorData {
  return { code: 'FILE_UNREADABLE', key, message: `${key} ${JSON.stringify(params)}`, params };
}

function isUploadedFile(value: unknown): value is UploadedFile {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.file === 'string' &&
    typeof record.fileName === 'string' &&
    typeof record.size === 'number'
  );
}

/**
 * The transfers of the `web` bridge: uploads with the per-run token in a header, downloads
 * by a link carrying it (the browser saves the answer as an attachment).
 */
export function createWebTransfers(options: { token: string }): FileTransfers {
  return {
    async upload(file) {
      let response: Response;
      try {
        response = await fetch(`${WEB_UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: {
            [WEB_TOKEN_HEADER]: options.token,
            'Content-Type': 'application/octet-stream',
          },
          body: file,
        });
      } catch (cause) {
        return {
          ok: false,
          error: uploadError('files.uploadFailed', { file: file.name, detail: String(cause) }),
        };
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.status === 413) {
        const maxBytes = (body as { maxBytes?: unknown } | null)?.maxBytes;
        const max = typeof maxBytes === 'number' ? Math.floor(maxBytes / 1024 / 1024) : '?';
        return { ok: false, error: uploadError('files.uploadTooLarge', { file: file.name, max }) };
      }
      if (!response.ok || !isUploadedFile(body)) {
        const detail = `HTTP ${response.status}`;
        return { ok: false, error: uploadError('files.uploadFailed', { file: file.name, detail }) };
      }
      return { ok: true, value: body };
    },
    download(download) {
      const link = document.createElement('a');
      link.href = `${download.url}?token=${encodeURIComponent(options.token)}`;
      link.download = download.fileName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
    },
  };
}

export const FileTransfersContext = createContext<FileTransfers | null>(null);

/** The transfers of the `web` mode; null where files are named by paths (Electron). */
export function useFileTransfers(): FileTransfers | null {
  return useContext(FileTransfersContext);
}
