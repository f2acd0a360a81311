import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../../src/core/ipc/contract';
import { label } from './text';

/** The first-start screen: create a file, open one, or start with demo data. */
export class StartPage {
  readonly heading: Locator;

  constructor(
    private readonly page: Page,
    private readonly language: Language = 'de',
  ) {
    this.heading = page.getByRole('heading', { name: label(language, 'ui.start.title') });
  }

  async expectVisible(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  /** The form (card) of one choice: `create`, `open` or `demo`. */
  private card(choice: 'create' | 'open' | 'demo'): Locator {
    const button = this.page.getByRole('button', {
      name: label(this.language, `ui.start.${choice}Button`),
      exact: true,
    });
    return this.page.locator('form').filter({ has: button });
  }

  async create(path: string): Promise<void> {
    await this.submit('create', path);
  }

  async open(path: string): Promise<void> {
    await this.submit('open', path);
  }

  async startDemo(path: string): Promise<void> {
    await this.submit('demo', path);
  }

  private async submit(choice: 'create' | 'open' | 'demo', path: string): Promise<void> {
    const card = this.card(choice);
    await card.getByLabel(label(this.language, 'ui.start.path')).fill(path);
    await card
      .getByRole('button', { name: label(this.language, `ui.start.${choice}Button`), exact: true })
      .click();
  }
}
