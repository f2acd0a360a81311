import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { WebServerHandle } from './fixtures';
import type { BoardPage } from './pages/board-page';
import type { LeadDetailPage, LeadField } from './pages/lead-detail-page';
import type { WhoAmIPage } from './pages/who-am-i-page';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

/** Opens the app on a fresh file and adds the user, which lands on the pipeline board. */
export async function signIn(page: Page, url: string, whoAmI: WhoAmIPage, name: string) {
  await page.goto(url);
  await whoAmI.expectVisible();
  await whoAmI.addUser(name);
  await expect(page.getByRole('region').first()).toBeVisible();
}

type Pages = {
  page: Page;
  server: WebServerHandle;
  whoAmI: WhoAmIPage;
  board: BoardPage;
  detail: LeadDetailPage;
};

/** Signs in on a fresh file, creates a lead with "Neuer Lead" and returns to the board. */
export async function createLeadOnBoard(
  { page, server, whoAmI, board, detail }: Pages,
  fields: Partial<Record<LeadField, string>>,
): Promise<void> {
  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await board.newLead();
  await detail.fill(fields);
  await detail.save();
  await detail.expectSaved();
  await board.goto(server.url);
}

/**
 * What the user sees, saved to tests/e2e/screenshots/<name>.png to look at after a run.
 * Not full-page: the app shell's fixed header would be painted into the middle of a scrolled
 * page.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
