import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { WEB_DOWNLOAD_PREFIX, WEB_TOKEN_HEADER, WEB_UPLOAD_PATH } from '@core/ipc/wire';
import { UploadTooLargeError, type TransferStore } from '../files/transfers';

/**
 * The web mode's file routes: `POST /upload?name=FILE` takes a file the user chose in the
 * browser (the body, raw bytes) and answers its handle; `GET /download/ID` gives back a file
 * an export wrote. Both need the per-run token (upload: `X-Leadwerk-Token` header; download:
 * `token` query parameter, because the browser fetches it by navigation). Nothing here takes
 * a path: uploads get fresh names, downloads are found by their random id only.
 */

export type TransferRouteContext = {
  store: TransferStore;
  /** Whether the presented secret is this run's token. */
  tokenValid(given: string): boolean;
  /** This server's origin: a browser's upload must come from it. */
  origin: string;
  /** Headers every response carries (CSP, nosniff, no caching …). */
  headers: Record<string, string>;
};

const DOWNLOAD_ID = /^[0-9a-f]{32}$/;

const CONTENT_TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * `Content-Disposition` for a download: an ASCII `filename` for old clients and the exact
 * name as RFC 5987 `filename*` (UTF-8, percent-encoded), so "Leads Müller.csv" arrives intact.
 */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function sendJson(
  res: ServerResponse,
  context: TransferRouteContext,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...context.headers,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: TransferRouteContext,
): Promise<void> {
  // A refused upload is answered before its body is read; the connection is not reused.
  const refuse = (status: number, error: string, extra: Record<string, unknown> = {}) =>
    sendJson(res, context, status, { error, ...extra }, { Connection: 'close' });
  if (req.method !== 'POST') {
    return sendJson(res, context, 405, { error: 'method' }, { Allow: 'POST' });
  }
  const token = req.headers[WEB_TOKEN_HEADER.toLowerCase()];
  if (typeof token !== 'string' || !context.tokenValid(token)) {
    return refuse(401, 'unauthorized');
  }
  if (req.headers.origin !== undefined && req.headers.origin !== context.origin) {
    return refuse(403, 'origin');
  }
  const max = context.store.maxUploadBytes;
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > max) {
    return refuse(413, 'tooLarge', { maxBytes: max });
  }
  try {
    const upload = await context.store.receive(url.searchParams.get('name') ?? '', req);
    sendJson(res, context, 200, {
      file: upload.handle,
      fileName: upload.fileName,
      size: upload.size,
    });
  } catch (error) {
    if (error instanceof UploadTooLargeError) {
      return refuse(413, 'tooLarge', { maxBytes: max });
    }
    throw error;
  }
}

async function handleDownload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: TransferRouteContext,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendJson(res, context, 405, { error: 'method' }, { Allow: 'GET, HEAD' });
  }
  if (!context.tokenValid(url.searchParams.get('token') ?? '')) {
    return sendJson(res, context, 401, { error: 'unauthorized' });
  }
  const id = url.pathname.slice(WEB_DOWNLOAD_PREFIX.length);
  const download = DOWNLOAD_ID.test(id) ? context.store.download(id) : null;
  const info = download === null ? null : await stat(download.path).catch(() => null);
  if (download === null || info === null || !info.isFile()) {
    return sendJson(res, context, 404, { error: 'notFound' });
  }
  res.writeHead(200, {
    ...context.headers,
    'Content-Type':
      CONTENT_TYPES[extname(download.fileName).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Disposition': attachmentHeader(download.fileName),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(download.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Answers the request if it is for a file route and returns true; false leaves it to the
 * static files. The caller has checked the Host header already.
 */
export async function handleTransferRoute(
  req: IncomingMessage,
  res: ServerResponse,
  context: TransferRouteContext,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', context.origin);
  if (url.pathname === WEB_UPLOAD_PATH) {
    await handleUpload(req, res, url, context);
    return true;
  }
  if (url.pathname.startsWith(WEB_DOWNLOAD_PREFIX)) {
    await handleDownload(req, res, url, context);
    return true;
  }
  return false;
}
