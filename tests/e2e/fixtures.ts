import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { BoardPage } from './pages/board-page';
import { LeadDetailPage } from './pages/lead-detail-page';
import { LeadsTablePage } from './pages/leads-table-page';
import { StartPage } from './pages/start-page';
import { WhoAmIPage } from './pages/who-am-i-page';

const WEB_ENTRY = resolve(import.meta.dirname, '../../out/main/web.js');
const URL_LINE = /^Leadwerk web: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/;

/** A running `web.js` for one test: its own config folder and database file. */
export type WebServerHandle = {
  /** The printed address including the token. */
  url: string;
  /** The address with extra query parameters (`{ lang: 'en' }`). */
  urlWith(params: Record<string, string>): string;
  dbPath: string;
  home: string;
};

type Options = {
  /** Start with `--db <tmp>/team.sqlite`; false shows the start screen. */
  withDatabase: boolean;
  /** Pass `--demo` (with a database that does not exist yet). */
  demo: boolean;
};

type Fixtures = {
  server: WebServerHandle;
  startPage: StartPage;
  whoAmI: WhoAmIPage;
  board: BoardPage;
  detail: LeadDetailPage;
  leadsTable: LeadsTablePage;
};

function waitForUrl(child: ChildProcess, output: { stdout: string; stderr: string }) {
  return new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web.js printed no URL:\n${output.stderr}`)),
      30_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output.stdout += chunk.toString();
      const first = output.stdout.split('\n')[0] ?? '';
      const match = output.stdout.includes('\n') ? URL_LINE.exec(first) : null;
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web.js exited with ${code} before printing its URL:\n${output.stderr}`));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolvePromise(code);
    });
  });
}

export const test = base.extend<Options & Fixtures>({
  withDatabase: [true, { option: true }],
  demo: [false, { option: true }],

  server: async ({ withDatabase, demo }, use) => {
    const home = mkdtempSync(join(tmpdir(), 'leadwerk-e2e-'));
    const dbPath = join(home, 'team.sqlite');
    const args = [WEB_ENTRY, '--port', '0'];
    if (withDatabase) args.push('--db', dbPath);
    if (demo) args.push('--demo');
    const child = spawn(process.execPath, args, {
      env: { ...process.env, LEADWERK_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
    try {
      const url = await waitForUrl(child, output);
      await use({
        url,
        urlWith: (params) => `${url}&${new URLSearchParams(params).toString()}`,
        dbPath,
        home,
      });
      child.kill('SIGTERM');
      // A clean stop closes the database and exits 0; stdout held exactly the one line.
      expect(await waitForExit(child), `web.js stderr:\n${output.stderr}`).toBe(0);
      expect(output.stdout.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
    }
  },

  startPage: async ({ page }, use) => use(new StartPage(page)),
  whoAmI: async ({ page }, use) => use(new WhoAmIPage(page)),
  board: async ({ page }, use) => use(new BoardPage(page)),
  detail: async ({ page }, use) => use(new LeadDetailPage(page)),
  leadsTable: async ({ page }, use) => use(new LeadsTablePage(page)),
});

export { expect };
