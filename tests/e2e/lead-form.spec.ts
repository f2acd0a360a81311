import { expect, test } from './fixtures';
import { screenshot, signIn } from './flows';

test('an invalid email shows the German message and keeps every other field', async ({
  page,
  server,
  whoAmI,
  board,
  detail,
}) => {
  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await board.newLead();
  await detail.fill({
    firstName: 'Jörg',
    lastName: 'Weiß',
    email: 'joerg.weiss@@beispiel',
    phone: '030 1234567',
    companyName: 'Weiß & Söhne KG',
    city: 'Görlitz',
  });
  await detail.save();

  await expect(page.getByText('Keine gültige E-Mail-Adresse')).toBeVisible();
  await expect(detail.field('email')).toHaveAttribute('aria-invalid', 'true');
  await expect(detail.field('firstName')).toHaveValue('Jörg');
  await expect(detail.field('lastName')).toHaveValue('Weiß');
  await expect(detail.field('email')).toHaveValue('joerg.weiss@@beispiel');
  await expect(detail.field('phone')).toHaveValue('030 1234567');
  await expect(detail.field('companyName')).toHaveValue('Weiß & Söhne KG');
  await expect(detail.field('city')).toHaveValue('Görlitz');
  await expect(page).toHaveURL(/#\/leads\/new/);
  await screenshot(page, 'lead-form-invalid-email');

  // Correcting the one field is enough: nothing else has to be typed again.
  await detail.field('email').fill('joerg.weiss@beispiel.de');
  await detail.save();
  await detail.expectSaved();
  // Stored as E.164, shown for people to read; saving it unchanged keeps the same number.
  await expect(detail.field('phone')).toHaveValue('+49 30 1234567');
  await detail.save();
  await expect(page.getByText('Gespeichert.').first()).toBeVisible();
  await page.reload();
  await expect(detail.field('phone')).toHaveValue('+49 30 1234567');
  await board.goto(server.url);
  await expect(board.card('Jörg Weiß', 'lead')).toContainText('Weiß & Söhne KG');
});
