import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../../src/core/ipc/contract';
import { label } from './text';

/** "Who am I" for this file: pick an existing user or add one's own name. */
export class WhoAmIPage {
  readonly heading: Locator;

  constructor(
    private readonly page: Page,
    private readonly language: Language = 'de',
  ) {
    this.heading = page.getByRole('heading', { name: label(language, 'ui.whoAmI.title') });
  }

  async expectVisible(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async addUser(name: string): Promise<void> {
    await this.page
      .getByRole('textbox', { name: label(this.language, 'ui.whoAmI.newName'), exact: true })
      .fill(name);
    await this.page.getByRole('button', { name: label(this.language, 'ui.whoAmI.add') }).click();
  }

  async pickUser(name: string): Promise<void> {
    await this.page.getByRole('radio', { name }).check();
    await this.page
      .getByRole('button', { name: label(this.language, 'ui.whoAmI.continue') })
      .click();
  }
}
