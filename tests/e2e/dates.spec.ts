import { expect, test } from './fixtures';
import { screenshot, signIn } from './flows';

// A browser on an American system: dates must still read German (the app no longer asks
// Chromium to follow the page's language for its native date inputs).
test.use({ locale: 'en-US', timezoneId: 'Europe/Berlin' });

test('dates are typed, picked and shown the German way in an en-US browser', async ({
  page,
  server,
  whoAmI,
  board,
  detail,
}) => {
  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await board.newLead();
  await detail.fill({ firstName: 'Jörg', lastName: 'Weiß', expectedCloseDate: '31.12.2026' });
  await detail.save();
  await detail.expectSaved();
  await page.reload();
  await expect(detail.field('expectedCloseDate')).toHaveValue('31.12.2026');

  // The calendar is German, weeks from Monday; picking a day writes it in German.
  const calendar = await detail.openCalendar('ui.fields.expectedCloseDate');
  await expect(calendar.getByText('Dezember 2026')).toBeVisible();
  await expect(calendar.locator('thead th').first()).toHaveText('Mo');
  await screenshot(page, 'dates-calendar-de');
  await calendar.getByRole('button', { name: '15 Dezember 2026', exact: true }).click();
  await expect(detail.field('expectedCloseDate')).toHaveValue('15.12.2026');

  // An impossible day is named and kept as typed.
  await detail.fill({ expectedCloseDate: '31.02.2026' });
  await detail.save();
  await expect(page.getByText('Kein gültiges Datum')).toBeVisible();
  await expect(detail.field('expectedCloseDate')).toHaveValue('31.02.2026');

  // An activity at a typed German date and time shows it in German on the timeline.
  await detail.logActivity({ kind: 'call', when: '03.02.2026 14:05', text: 'Erstgespräch' });
  await expect(detail.activities().first()).toContainText('03.02.2026, 14:05');
});
