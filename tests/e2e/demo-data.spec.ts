import { STAGES, type Stage } from '../../src/core/domain/stages';
import { catalogs } from '../../src/core/i18n/index';
import { BoardPage } from './pages/board-page';
import { WhoAmIPage } from './pages/who-am-i-page';
import { expect, test } from './fixtures';
import { screenshot, signIn } from './flows';

test.use({ demo: true });

const WORKED_EXAMPLES = [
  { name: 'Anna Petersen', company: 'Schick und Schmuck' },
  // A private customer of the seller "Happy Current": no company of his own.
  { name: 'Peter Anders', company: 'Ohne Firma' },
  { name: 'Claudia Teichmann', company: 'Fröhlich Holidays' },
];

test('--demo opens a board with the worked examples from the domain README', async ({
  page,
  server,
  whoAmI,
  board,
}) => {
  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await screenshot(page, 'board-demo');
  for (const example of WORKED_EXAMPLES) {
    await board.search(example.name.split(' ')[1] ?? example.name);
    await expect(board.card(example.name)).toBeVisible();
    await expect(board.card(example.name)).toContainText(example.company);
  }
  await board.open('Claudia Teichmann');
  await expect(page).toHaveURL(/#\/leads\/[\w-]+/);
  await expect(page.getByRole('textbox', { name: 'Nachname', exact: true })).toHaveValue(
    'Teichmann',
  );
  await screenshot(page, 'lead-detail-demo');
});

test('the leads table sorts by stage in SQL order and pages', async ({
  page,
  server,
  whoAmI,
  leadsTable,
}) => {
  const stageIndex = (text: string): number =>
    STAGES.findIndex((stage: Stage) => catalogs.de.stages[stage] === text.trim());

  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await leadsTable.goto(server.url);
  await expect(leadsTable.rows()).toHaveCount(50);

  await leadsTable.sortBy('stage');
  await expect(leadsTable.header('stage')).toHaveAttribute('aria-sort', 'ascending');
  await expect(leadsTable.rows().first().locator('td').nth(2)).toHaveText('Suspect');
  const firstPage = (await leadsTable.columnTexts('stage')).map(stageIndex);
  expect(firstPage).not.toContain(-1);
  expect(firstPage).toEqual([...firstPage].sort((a, b) => a - b));
  const firstNames = await leadsTable.columnTexts('name');
  await screenshot(page, 'leads-table');

  await leadsTable.gotoPage(2);
  await expect(page).toHaveURL(/page=2/);
  await expect.poll(() => leadsTable.columnTexts('name')).not.toEqual(firstNames);
  const secondPage = (await leadsTable.columnTexts('stage')).map(stageIndex);
  expect(secondPage).toHaveLength(50);
  expect(secondPage).toEqual([...secondPage].sort((a, b) => a - b));
  expect(secondPage[0]).toBeGreaterThanOrEqual(firstPage.at(-1) ?? 0);

  await leadsTable.sortBy('stage');
  await expect(leadsTable.header('stage')).toHaveAttribute('aria-sort', 'descending');
  await expect(leadsTable.rows().first().locator('td').nth(2)).toHaveText('Verloren');
  const descending = (await leadsTable.columnTexts('stage')).map(stageIndex);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
});

test.describe('in English', () => {
  // Dates and numbers in the browser's own widgets follow the English UI, too.
  test.use({ locale: 'en-GB' });

  test('?lang=en shows the board in English', async ({ page, server }) => {
    const whoAmI = new WhoAmIPage(page, 'en');
    const board = new BoardPage(page, 'en');
    await page.goto(server.urlWith({ lang: 'en' }));
    await whoAmI.expectVisible();
    await whoAmI.addUser('Erika Muster');
    for (const name of ['Suspect', 'Lead', 'MQL', 'Opportunity', 'Customer', 'Nurture', 'Lost']) {
      await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('region', { name: 'Kunde', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'New lead', exact: true })).toBeVisible();
    await expect(board.column('sal')).toContainText(/\d+ leads?/);
    await screenshot(page, 'board-english');
    await board.search('Petersen');
    await expect(board.card('Anna Petersen')).toBeVisible();
  });
});
