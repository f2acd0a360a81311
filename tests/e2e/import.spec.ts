import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { screenshot, signIn } from './flows';
import { ExportDialog, ImportPage } from './pages/import-page';

const FIXTURE = join(import.meta.dirname, '../fixtures/import/german-excel-1252.csv');

/**
 * The German-Excel fixture (Windows-1252, `;`, German amounts) plus one row whose email
 * cannot be right and that has neither a last name nor a company nor another contact route
 * (a bad email alone only makes a warning since "no contact lost over one bad field"),
 * written next to the test's database.
 */
function tradeFairFile(folder: string): string {
  const path = join(folder, 'Messe Besucher.csv');
  const faulty = Buffer.from('Herr;;Falsch;;;;name(at)firma;;;;;;;;;\r\n', 'latin1');
  writeFileSync(path, Buffer.concat([readFileSync(FIXTURE), faulty]));
  return path;
}

test('imports a German Excel CSV through the wizard and undoes it from the history', async ({
  page,
  server,
  whoAmI,
  leadsTable,
}) => {
  const file = tradeFairFile(server.home);
  const wizard = new ImportPage(page);
  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await wizard.open();

  await wizard.readFile(file);
  await expect(wizard.readSetting('encoding')).toHaveValue('windows-1252');
  await expect(wizard.readSetting('delimiter')).toHaveValue(';');
  await expect(page.getByText('Müller & Söhne GmbH & Co. KG').first()).toBeVisible();
  await expect(page.getByText('Messe Besucher.csv', { exact: true })).toBeVisible();
  await screenshot(page, 'import-file');

  await wizard.next();
  await expect(wizard.fieldSelect('Vorname')).toHaveValue('firstName');
  await expect(wizard.fieldSelect('E-Mail')).toHaveValue('email');
  await wizard.mapColumn('Umsatz', 'expectedValue');
  await screenshot(page, 'import-mapping');
  await wizard.next();

  await wizard.chooseOptions({ source: 'trade_fair', campaign: 'Messe 2026' });
  await wizard.expectPreviewReady();
  await expect(wizard.outcome('create')).toContainText('10');
  await expect(wizard.outcome('invalid')).toContainText('1');
  const error = wizard.issuesTable().getByRole('row').filter({ hasText: 'name(at)firma' });
  await expect(error).toContainText('13');
  await expect(error).toContainText('Ungültige E-Mail-Adresse „name(at)firma“ in Spalte „E-Mail“');
  const stored = wizard.previewRows().getByRole('row').filter({ hasText: 'Jürgen Müller' });
  await expect(stored).toContainText(/1\.234,56\s€/);
  await expect(stored).toContainText('+49 711 2345678');
  await expect(stored).toContainText('Messe 2026');
  await screenshot(page, 'import-preview');
  await wizard.issuesTable().scrollIntoViewIfNeeded();
  await screenshot(page, 'import-preview-issues');

  // The left-out row comes back as a download, with its reason, for fixing in Excel.
  const rejected = await wizard.saveRejected();
  expect(rejected.suggestedFilename()).toBe('Messe Besucher-ausgelassen.csv');
  const rejectedText = readFileSync(await rejected.path(), 'utf8');
  expect(rejectedText.startsWith('\uFEFF')).toBe(true);
  expect(rejectedText).toContain('name(at)firma');
  expect(rejectedText).toContain('Ungültige E-Mail-Adresse „name(at)firma“ in Spalte „E-Mail“');
  await expect(
    page.getByText('1 ausgelassene Zeile gespeichert: Messe Besucher-ausgelassen.csv'),
  ).toBeVisible();

  await wizard.importNow();
  await expect(wizard.outcome('create')).toContainText('10');
  await wizard.toLeads();
  await expect(leadsTable.rows()).toHaveCount(10);
  // Windows-1252 decoded: umlauts, ß and the € amount arrive intact.
  await expect(leadsTable.rows().filter({ hasText: 'Änne Schäfer' })).toHaveCount(1);
  const muller = leadsTable.rows().filter({ hasText: 'Jürgen Müller' });
  await expect(muller).toHaveCount(1);
  await expect(muller).toContainText(/1\.235\s€/);
  await expect(muller).toContainText('Messe');

  // The imported leads go out again as UTF-8 CSV with BOM and `;` for German Excel.
  const exportDialog = new ExportDialog(page);
  await exportDialog.open();
  await expect(exportDialog.dialog).toContainText('Alle Leads (10)');
  await screenshot(page, 'export-dialog');
  const exported = await exportDialog.download();
  expect(exported.suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(
    page.getByText(`10 Leads exportiert: ${exported.suggestedFilename()}`),
  ).toBeVisible();
  const csv = readFileSync(await exported.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('Jürgen;Müller');

  await wizard.openHistory(server.url);
  await expect(wizard.historyRow('Messe Besucher.csv')).toContainText('fertig');
  await expect(wizard.historyRow('Messe Besucher.csv')).toContainText('10 neu');
  await screenshot(page, 'import-history');
  const result = await wizard.undo('Messe Besucher.csv');
  await expect(result).toContainText('10 Leads entfernt');
  await wizard.closeDialog();
  await expect(wizard.historyRow('Messe Besucher.csv')).toContainText('rückgängig gemacht');

  await page.goto(`${server.url}#/leads`);
  await expect(page.getByText('Keine Leads gefunden.')).toBeVisible();
});

test('lists similar names at one company for review and merges only the row the user picks', async ({
  page,
  server,
  whoAmI,
  leadsTable,
}) => {
  const file = join(server.home, 'Fischer.csv');
  writeFileSync(
    file,
    [
      '\uFEFFVorname;Nachname;Firma;E-Mail;Telefon',
      'Anna;Fischer;Fischer Druck GmbH;;',
      'Hanna;Fischer;Fischer Druck AG;;040 1234567',
      'Peter;Fischer;Fischer Druck GmbH;peter@fischer-druck.de;',
      'Petra;Fischer;Fischer Druck GmbH;petra@fischer-druck.de;',
      '',
    ].join('\r\n'),
  );
  const wizard = new ImportPage(page);
  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await wizard.open();
  await wizard.readFile(file);
  await wizard.next();
  await wizard.next();
  await wizard.chooseOptions({ source: 'trade_fair' });
  await wizard.expectPreviewReady();
  // Peter and Petra sound alike but have different emails: two people, not listed.
  await expect(wizard.outcome('create')).toContainText('4');
  const possible = wizard.possibleDuplicates().getByRole('row').filter({ hasText: 'Hanna' });
  await expect(possible).toContainText('Fischer Druck AG');
  await expect(possible).toContainText('+49 40 1234567');
  await expect(possible).toContainText('Anna Fischer');
  await expect(possible).toContainText('Zeile 2 dieser Datei');
  await expect(possible).toContainText('Name + Firma (ähnlich)');
  await expect(wizard.possibleDuplicates().getByRole('row')).toHaveCount(2);
  await wizard.possibleDuplicates().scrollIntoViewIfNeeded();
  await screenshot(page, 'import-possible-duplicates');

  await wizard.chooseAction(3, 'fill');
  await wizard.expectPreviewReady();
  await expect(wizard.outcome('create')).toContainText('3');
  await expect(wizard.outcome('fill')).toContainText('1');
  await wizard.importNow();
  await expect(page.getByTestId('result-duplicates')).toContainText('1 mögliche');
  await wizard.toLeads();
  await expect(leadsTable.rows()).toHaveCount(3);
  await expect(leadsTable.rows().filter({ hasText: 'Hanna' })).toHaveCount(0);
});
