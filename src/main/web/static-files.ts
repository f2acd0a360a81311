import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** MIME type by file extension; unknown types are served as opaque bytes. */
export function mimeType(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a regular file inside `root`, or null. `/` means `index.html`.
 * Refuses anything that could leave `root`: encoded or plain `..` segments, backslashes,
 * NUL bytes, hidden files; directories are never listed.
 */
export async function resolveStaticFile(root: string, requestPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  const relative = segments.length === 0 ? ['index.html'] : segments;
  const rootDir = resolve(root);
  const filePath = resolve(rootDir, ...relative);
  if (!filePath.startsWith(rootDir + sep)) return null;
  try {
    // A symlink inside root must not lead out of it either.
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(filePath)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    const info = await stat(realFile);
    return info.isFile() ? realFile : null;
  } catch {
    return null;
  }
}
