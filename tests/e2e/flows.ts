import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { WhoAmIPage } from './pages/who-am-i-page';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

/** Opens the app on a fresh file and adds the user, which lands on the pipeline board. */
export async function signIn(page: Page, url: string, whoAmI: WhoAmIPage, name: string) {
  await page.goto(url);
  await whoAmI.expectVisible();
  await whoAmI.addUser(name);
  await expect(page.getByRole('region').first()).toBeVisible();
}

/**
 * What the user sees, saved to tests/e2e/screenshots/<name>.png to look at after a run.
 * Not full-page: the app shell's fixed header would be painted into the middle of a scrolled
 * page.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
