import type { Page } from '@playwright/test';
import { ContentLibraryPage } from './pages/content-page';
import type { BoardPage } from './pages/board-page';
import type { LeadDetailPage, LeadField } from './pages/lead-detail-page';
import { SettingsPage } from './pages/settings-page';
import { expect, test } from './fixtures';
import { screenshot, signIn } from './flows';

/**
 * Fit points under the default model: job title 5, phone 15, company 5, decision maker 15,
 * 250+ employees 8, company email 5 = 53, just below the MQL threshold of 60.
 */
const NEAR_MQL: Partial<Record<LeadField, string>> = {
  firstName: 'Petra',
  lastName: 'Schulz',
  email: 'petra.schulz@schulz-logistik.de',
  phone: '0221 987654',
  jobTitle: 'Leiterin Einkauf',
  companyName: 'Schulz Logistik GmbH',
};

/** Phone only: 15 points, far below any threshold in this test. */
const COLD: Partial<Record<LeadField, string>> = {
  firstName: 'Ole',
  lastName: 'Brandt',
  phone: '040 123456',
};

async function createLead(
  page: Page,
  board: BoardPage,
  detail: LeadDetailPage,
  fields: Partial<Record<LeadField, string>>,
  extra: { role?: string; employees?: string } = {},
): Promise<void> {
  await board.newLead();
  await detail.fill(fields);
  if (extra.role) {
    await page
      .getByRole('combobox', { name: 'Rolle im Buying Center', exact: true })
      .selectOption({ label: extra.role });
  }
  if (extra.employees) {
    await page.getByRole('textbox', { name: 'Mitarbeitende', exact: true }).fill(extra.employees);
  }
  await detail.save();
  await detail.expectSaved();
}

test('lowering the MQL threshold previews the change and promotes the lead just below it', async ({
  page,
  server,
  whoAmI,
  board,
  detail,
}) => {
  const settings = new SettingsPage(page);
  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await createLead(page, board, detail, NEAR_MQL, {
    role: 'Entscheider',
    employees: '300',
  });
  await board.goto(server.url);
  await createLead(page, board, detail, COLD);

  await settings.openFromNavigation();
  await expect(settings.savedBy()).toHaveText(
    'Es gelten die Standardwerte; das Modell wurde noch nie gespeichert.',
  );
  await expect(settings.becomeMql()).toHaveText('0 Leads werden MQL');
  await expect(settings.preview()).toContainText('Auswirkung des Entwurfs auf 2 Leads');

  await settings.setThreshold('mql', 50);
  await expect(settings.dirtyBadge()).toBeVisible();
  await expect(settings.becomeMql()).toHaveText('1 Lead wird MQL');
  await expect(settings.promoted()).toHaveText(
    '1 Lead würde beim Speichern automatisch zu MQL befördert',
  );
  await expect(settings.stopMql()).toHaveText('0 Leads fallen unter die MQL-Schwelle');
  await settings.expectPreviewSettled();
  await screenshot(page, 'settings');
  await page.getByRole('region', { name: 'Engagement', exact: true }).scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-engagement-rules');

  // An invalid draft is neither previewed nor saved, and says where the problem is.
  await settings.setThreshold('warm', 90);
  await expect(page.getByText('„Heiß“ muss über „warm“ liegen')).toBeVisible();
  await expect(page.getByText('Keine Vorschau, solange der Entwurf Fehler enthält.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Speichern', exact: true })).toBeDisabled();
  await settings.setThreshold('warm', 30);

  await settings.save();
  await expect(
    page.getByText(/^Gespeichert\. 2 Leads neu bewertet, \d+ geändert, 1 zu MQL befördert\.$/),
  ).toBeVisible();
  await expect(settings.dirtyBadge()).toHaveCount(0);
  await expect(settings.savedBy()).toHaveText(
    /^Zuletzt gespeichert von Erika Muster am \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/,
  );

  await board.goto(server.url);
  await expect(board.card('Petra Schulz', 'mql')).toBeVisible();
  await expect(board.card('Ole Brandt', 'mql')).toHaveCount(0);
  await expect(board.card('Ole Brandt')).toBeVisible();

  // The saved model is what the page loads next time.
  await settings.goto(server.url);
  await expect(settings.threshold('mql')).toHaveValue('50');
});

test('the content library creates, lists and filters items', async ({ page, server, whoAmI }) => {
  const library = new ContentLibraryPage(page);
  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await library.openFromNavigation();

  await library.create({
    name: 'Preisliste Telefonanlagen 2026',
    type: 'price_list',
    topic: 'Telefonanlagen',
    url: 'https://example.com/preise.pdf',
  });
  await library.create({ name: 'Whitepaper Cloud-Telefonie', topic: 'Cloud' });
  await expect(library.row('Preisliste Telefonanlagen 2026')).toContainText('Preisliste');
  await expect(library.row('Whitepaper Cloud-Telefonie')).toContainText('Cloud');

  await library.filterByType('price_list');
  await expect(library.row('Whitepaper Cloud-Telefonie')).toHaveCount(0);
  await expect(library.row('Preisliste Telefonanlagen 2026')).toBeVisible();
  await library.filterByType(null);
  await expect(library.row('Whitepaper Cloud-Telefonie')).toBeVisible();
  await expect(page.getByText('Inhalt angelegt.')).toHaveCount(0);
  await screenshot(page, 'content-library');

  // A name already taken is refused at the field; the dialog keeps the input.
  const dialog = await library.startCreate({ name: 'whitepaper cloud-telefonie', topic: 'Cl' });
  await expect(library.topicSuggestion('Cloud')).toBeVisible();
  await screenshot(page, 'content-editor');
  await library.submit(dialog);
  await expect(dialog.getByText('Doppelt vergeben')).toBeVisible();
  await expect(library.nameField(dialog)).toHaveValue('whitepaper cloud-telefonie');
});
