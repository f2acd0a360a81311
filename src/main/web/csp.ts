/**
 * The renderer's Content-Security-Policy, sent as a response header by the web bridge and by
 * Electron's session. Scripts only from our own origin; styles also inline because Mantine
 * writes CSS variables into `style` attributes and elements. `connectSrc` lists where the page
 * may connect to (the bridge's WebSocket in web mode, the Vite dev server in Electron dev).
 */
export function contentSecurityPolicy(options: {
  connectSrc: readonly string[];
  /** Only for the Vite dev server: its React refresh preamble is an inline script. */
  allowInlineScripts?: boolean;
}): string {
  const scriptSrc = options.allowInlineScripts ? "'self' 'unsafe-inline'" : "'self'";
  const connectSrc = options.connectSrc.length > 0 ? options.connectSrc.join(' ') : "'none'";
  return [
    "default-src 'none'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSrc}`,
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The policy the built renderer carries in its `index.html` meta tag: exactly what
 * Electron sends as the header (no connections at all: the preload bridge is IPC). The
 * `web` bridge rewrites the meta tag with its own header policy when it serves the page,
 * so meta tag and header are the same policy in both hosts.
 */
export const BUILT_RENDERER_CSP = contentSecurityPolicy({ connectSrc: [] });

/**
 * The dev server's policy (electron-vite serve only): the React refresh preamble is an
 * inline script and the page talks to the dev server's WebSocket.
 */
export const DEV_RENDERER_CSP = contentSecurityPolicy({
  connectSrc: ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*'],
  allowInlineScripts: true,
});

const CSP_META = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;

/**
 * `html` with its Content-Security-Policy meta tag set to `policy`. A page without one gets
 * it first thing in `<head>`, or after the doctype where the head is implied (a meta tag
 * there still belongs to the head).
 */
export function withCspMeta(html: string, policy: string): string {
  const attribute = policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const tag = `<meta http-equiv="Content-Security-Policy" content="${attribute}" />`;
  if (CSP_META.test(html)) return html.replace(CSP_META, () => tag);
  const before = /<head(\s[^>]*)?>/i.exec(html) ?? /^\s*<!doctype[^>]*>/i.exec(html);
  const at = before === null ? 0 : before.index + before[0].length;
  return `${html.slice(0, at)}${tag}${html.slice(at)}`;
}
