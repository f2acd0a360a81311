import { expect, type Locator, type Page } from '@playwright/test';
import type { ContentType } from '../../../src/core/scoring/content';
import type { Language } from '../../../src/core/ipc/contract';
import { label } from './text';

export type ContentFields = {
  name: string;
  type?: ContentType;
  topic?: string;
  url?: string;
};

/** The content library: a table of items, filters and the create / edit dialog. */
export class ContentLibraryPage {
  readonly table: Locator;

  constructor(
    private readonly page: Page,
    private readonly language: Language = 'de',
  ) {
    this.table = page.getByRole('table', { name: label(language, 'contentPage.title') });
  }

  async openFromNavigation(): Promise<void> {
    await this.page
      .getByRole('link', { name: label(this.language, 'contentPage.nav'), exact: true })
      .click();
    await this.expectVisible();
  }

  async expectVisible(): Promise<void> {
    await expect(
      this.page.getByRole('heading', { name: label(this.language, 'contentPage.title') }),
    ).toBeVisible();
  }

  /** Opens "new item" and fills the dialog without saving; returns the dialog. */
  async startCreate(fields: ContentFields): Promise<Locator> {
    await this.page
      .getByRole('button', { name: label(this.language, 'contentPage.new'), exact: true })
      .click();
    const dialog = this.page.getByRole('dialog');
    await this.nameField(dialog).fill(fields.name);
    if (fields.type) {
      await dialog
        .getByRole('combobox', { name: label(this.language, 'contentPage.fields.type') })
        .selectOption(fields.type);
    }
    if (fields.url) {
      await dialog
        .getByRole('textbox', { name: label(this.language, 'contentPage.fields.url') })
        .fill(fields.url);
    }
    // Last: typing a topic opens the suggestions of existing topics.
    if (fields.topic) {
      await dialog
        .getByRole('combobox', { name: label(this.language, 'contentPage.fields.topic') })
        .fill(fields.topic);
    }
    return dialog;
  }

  /** A topic offered while typing one; the list opens in a portal, outside the dialog. */
  topicSuggestion(topic: string): Locator {
    return this.page
      .getByRole('listbox', { name: label(this.language, 'contentPage.fields.topic') })
      .getByRole('option', { name: topic, exact: true });
  }

  nameField(dialog: Locator): Locator {
    return dialog.getByRole('textbox', { name: label(this.language, 'contentPage.fields.name') });
  }

  async submit(dialog: Locator): Promise<void> {
    await dialog
      .getByRole('button', { name: label(this.language, 'ui.common.save'), exact: true })
      .click();
  }

  /** Creates an item through the dialog and waits until the dialog has closed. */
  async create(fields: ContentFields): Promise<void> {
    const dialog = await this.startCreate(fields);
    await this.submit(dialog);
    await expect(dialog).toHaveCount(0);
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  async filterByType(type: ContentType | null): Promise<void> {
    await this.page
      .getByRole('combobox', { name: label(this.language, 'contentPage.filters.type') })
      .selectOption(type ?? '');
  }
}
