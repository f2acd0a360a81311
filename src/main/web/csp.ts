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
