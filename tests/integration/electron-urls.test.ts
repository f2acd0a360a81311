import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  appRequestFile,
  externalLinkTarget,
  isAppDocument,
} from '../../src/main/electron/app-urls';
import { tempDir } from './harness';

/** A built renderer folder with a secret next to it and a symlink pointing out. */
function rendererRoot() {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'out.txt'));
  return root;
}

describe('the app:// scheme serves only the built renderer', () => {
  it('maps the renderer document and its assets to files under the root', async () => {
    const root = rendererRoot();
    expect(APP_INDEX_URL).toBe('app://renderer/index.html');
    expect(await appRequestFile(root, APP_INDEX_URL)).toBe(join(root, 'index.html'));
    expect(await appRequestFile(root, 'app://renderer/')).toBe(join(root, 'index.html'));
    expect(await appRequestFile(root, 'app://renderer/assets/index.js?v=1#x')).toBe(
      join(root, 'assets', 'index.js'),
    );
  });

  it.each([
    'app://renderer/../secret.txt',
    'app://renderer/assets/..%2f..%2fsecret.txt',
    'app://renderer/%2e%2e%2fsecret.txt',
    'app://renderer/..%5csecret.txt',
    'app://renderer/assets/out.txt',
    'app://renderer/index.html%00.js',
    'app://renderer/assets/',
    'app://renderer/missing.js',
    'app://other/index.html',
    'app://renderer:8080/index.html',
    'app://user@renderer/index.html',
    'file:///etc/passwd',
    'https://renderer/index.html',
    'not a url',
  ])('refuses %s', async (url) => {
    expect(await appRequestFile(rendererRoot(), url)).toBeNull();
  });

  it('knows its own document, whatever the query or hash, and nothing else', () => {
    expect(isAppDocument('app://renderer/index.html')).toBe(true);
    expect(isAppDocument('app://renderer/index.html?lang=en#/leads/1')).toBe(true);
    expect(isAppDocument('app://renderer/other.html')).toBe(false);
    expect(isAppDocument('app://evil/index.html')).toBe(false);
    expect(isAppDocument('file:///opt/leadwerk/out/renderer/index.html')).toBe(false);
    expect(isAppDocument('http://127.0.0.1:5173/index.html')).toBe(false);
  });
});

describe('links leave the app only as https: or mailto:', () => {
  it.each([
    ['https://www.beispiel.de/preise', 'https://www.beispiel.de/preise'],
    ['HTTPS://Beispiel.de', 'https://beispiel.de/'],
    ['  https://beispiel.de/a b', 'https://beispiel.de/a%20b'],
    ['mailto:vertrieb@beispiel.de', 'mailto:vertrieb@beispiel.de'],
    ['MAILTO:vertrieb@beispiel.de?subject=Angebot', 'mailto:vertrieb@beispiel.de?subject=Angebot'],
  ])('opens %s as %s', (url, opened) => {
    expect(externalLinkTarget(url)).toBe(opened);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'FILE:///C:/Windows/System32/calc.exe',
    'http://beispiel.de',
    'smb://server/freigabe',
    '\\\\server\\freigabe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=leadwerk',
    'https://benutzer:passwort@beispiel.de',
    'https://',
    'app://renderer/index.html',
    '',
  ])('refuses %j', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });
});
