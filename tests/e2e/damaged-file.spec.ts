import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { screenshot } from './flows';
import { label } from './pages/text';

test.use({ withDatabase: false });

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');

/** A demo file whose last leads page (in key order) holds garbage; the header is intact. */
function damagedDemoFile(path: string, home: string): void {
  execFileSync(process.execPath, [CLI, '--db', path, 'demo', '--count', '300'], {
    env: { ...process.env, LEADWERK_HOME: home },
    stdio: 'ignore',
  });
  const raw = new BetterSqlite3(path, { readonly: true });
  const size = raw.pragma('page_size', { simple: true }) as number;
  const page = raw
    .prepare(
      `SELECT pageno FROM dbstat WHERE name = 'leads' AND pagetype = 'leaf' ORDER BY path DESC LIMIT 1`,
    )
    .pluck()
    .get() as number;
  raw.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (page - 1) * size);
  closeSync(fd);
}

test('a damaged file opens read-only under a banner; a save is refused and keeps the input', async ({
  page,
  server,
  startPage,
  whoAmI,
  detail,
}) => {
  const path = join(server.home, 'beschaedigt.sqlite');
  damagedDemoFile(path, join(server.home, 'cli-home'));
  await page.goto(server.url);
  await startPage.open(path);
  await whoAmI.expectVisible();
  const banner = page.getByRole('alert').filter({ hasText: label('de', 'damagedFile.title') });
  await expect(banner).toBeVisible();
  await whoAmI.pickUser('Jana Becker');
  await expect(banner).toBeVisible();
  await expect(
    page.getByRole('button', { name: label('de', 'damagedFile.openOther') }),
  ).toBeVisible();
  await screenshot(page, 'damaged-file-banner');

  await page.goto(`${server.url}#/leads/new`);
  await detail.fill({
    firstName: 'Jörg',
    lastName: 'Weiß',
    companyName: 'Weiß & Söhne KG',
    city: 'Görlitz',
  });
  await detail.save();
  await expect(
    page.getByText('Das ging nicht: „beschaedigt.sqlite“ ist beschädigt und nur noch lesbar.', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(detail.field('firstName')).toHaveValue('Jörg');
  await expect(detail.field('lastName')).toHaveValue('Weiß');
  await expect(detail.field('companyName')).toHaveValue('Weiß & Söhne KG');
  await expect(detail.field('city')).toHaveValue('Görlitz');
  await expect(banner).toBeVisible();
  await screenshot(page, 'damaged-file-save-refused');

  await page.getByRole('button', { name: label('de', 'damagedFile.openOther') }).click();
  await startPage.expectVisible();
});
