import { join } from 'node:path';
import { expect, test } from './fixtures';
import { screenshot } from './flows';

test.use({ withDatabase: false });

test('without --db the start screen creates a new file, then asks who I am', async ({
  page,
  server,
  startPage,
  whoAmI,
  board,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(server.url);
  await startPage.expectVisible();
  await screenshot(page, 'start-screen');

  await startPage.create(join(server.home, 'neu.sqlite'));
  await whoAmI.expectVisible();
  await expect(page.getByText('neu.sqlite')).toBeVisible();
  // No users yet: only the form to add one, without an "or" divider above it.
  await expect(page.getByText('In dieser Datenbank gibt es noch keine Benutzer.')).toBeVisible();
  await expect(page.getByText('oder neu anlegen')).toHaveCount(0);
  await screenshot(page, 'who-am-i');
  await whoAmI.addUser('Erika Muster');
  await board.expectVisible();
  // The inline empty icon keeps the browser from asking the server for /favicon.ico.
  expect(requested).not.toContain('/favicon.ico');
});
