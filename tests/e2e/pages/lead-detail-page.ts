import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../../src/core/ipc/contract';
import { label } from './text';

/** Form field names as the renderer labels them (`ui.fields.<name>`). */
export type LeadField =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'jobTitle'
  | 'companyName'
  | 'industry'
  | 'website'
  | 'city'
  | 'expectedValue';

/** The lead detail view, also used to create a lead ("New lead"). */
export class LeadDetailPage {
  constructor(
    private readonly page: Page,
    private readonly language: Language = 'de',
  ) {}

  field(name: LeadField): Locator {
    return this.page.getByRole('textbox', {
      name: label(this.language, `ui.fields.${name}`),
      exact: true,
    });
  }

  async fill(values: Partial<Record<LeadField, string>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      await this.field(name as LeadField).fill(value);
    }
  }

  async save(): Promise<void> {
    await this.page
      .getByRole('button', { name: label(this.language, 'ui.common.save'), exact: true })
      .click();
  }

  /** Waits until the view shows the saved lead (the URL carries its id). */
  async expectSaved(): Promise<void> {
    await expect(this.page).toHaveURL(/#\/leads\/(?!new)[\w-]+/);
  }

  async backToBoard(): Promise<void> {
    await this.page.getByRole('link', { name: label(this.language, 'ui.nav.pipeline') }).click();
  }

  heading(text: string): Locator {
    return this.page.getByRole('heading', { name: text });
  }
}
