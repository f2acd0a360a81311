import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { rendererCspPlugin } from '../../electron.vite.config';
import {
  BUILT_RENDERER_CSP,
  contentSecurityPolicy,
  DEV_RENDERER_CSP,
  withCspMeta,
} from '../../src/main/web/csp';

const SOURCE = readFileSync(join(import.meta.dirname, '../../src/renderer/index.html'), 'utf8');

/** The policies of every CSP meta tag in `html`, attribute entities decoded. */
function metaPolicies(html: string): string[] {
  return [
    ...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi),
  ].map((match) => (match[1] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
}

type Transform = (html: string, context: { server?: unknown }) => string;
const transform = rendererCspPlugin.transformIndexHtml as Transform;

describe('the renderer page carries the header policy in its meta tag', () => {
  it('builds index.html with exactly the policy Electron sends as header', () => {
    const built = transform(SOURCE, {});
    expect(metaPolicies(built)).toEqual([contentSecurityPolicy({ connectSrc: [] })]);
    expect(BUILT_RENDERER_CSP).toContain("default-src 'none'");
    expect(BUILT_RENDERER_CSP).toContain("connect-src 'none'");
    expect(BUILT_RENDERER_CSP).toContain("script-src 'self';");
    expect(BUILT_RENDERER_CSP).not.toContain('unsafe-eval');
  });

  it('relaxes only the dev server page (inline refresh preamble, dev WebSocket)', () => {
    expect(metaPolicies(transform(SOURCE, { server: {} }))).toEqual([DEV_RENDERER_CSP]);
    expect(DEV_RENDERER_CSP).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('is the plugin the renderer build uses', () => {
    const renderer = (config as { renderer?: { plugins?: unknown[] } }).renderer;
    expect(renderer?.plugins).toContain(rendererCspPlugin);
  });

  it('replaces a looser meta policy and adds one where none is', () => {
    const loose = `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'"><title>x</title></head></html>`;
    expect(metaPolicies(withCspMeta(loose, BUILT_RENDERER_CSP))).toEqual([BUILT_RENDERER_CSP]);
    const bare = '<!doctype html><html><head lang="de"><title>x</title></head></html>';
    const added = withCspMeta(bare, BUILT_RENDERER_CSP);
    expect(metaPolicies(added)).toEqual([BUILT_RENDERER_CSP]);
    expect(added.indexOf('Content-Security-Policy')).toBeLessThan(added.indexOf('<title>'));
    expect(metaPolicies(withCspMeta(bare, `default-src 'none'; x "y" &z`))).toEqual([
      `default-src 'none'; x "y" &z`,
    ]);
    const implied = withCspMeta('<!doctype html><title>x</title>', BUILT_RENDERER_CSP);
    expect(implied.startsWith('<!doctype html><meta http-equiv="Content-Security-Policy"')).toBe(
      true,
    );
  });
});
