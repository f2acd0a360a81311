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
  await page.goto(server.url);
  await startPage.expectVisible();
  await screenshot(page, 'start-screen');

  await startPage.create(join(server.home, 'neu.sqlite'));
  await whoAmI.expectVisible();
  await expect(page.getByText('neu.sqlite')).toBeVisible();
  await screenshot(page, 'who-am-i');
  await whoAmI.addUser('Erika Muster');
  await board.expectVisible();
});
