import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../../src/core/ipc/contract';
import { label } from './text';

type Threshold = 'mql' | 'warm' | 'hot';

/** Settings → lead scoring: the model's fields and the live preview beside them. */
export class SettingsPage {
  constructor(
    private readonly page: Page,
    private readonly language: Language = 'de',
  ) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/settings`);
    await this.expectVisible();
  }

  /** Opens the page from the main navigation, as a user would. */
  async openFromNavigation(): Promise<void> {
    await this.page
      .getByRole('link', { name: label(this.language, 'settingsPage.nav'), exact: true })
      .click();
    await this.expectVisible();
  }

  async expectVisible(): Promise<void> {
    await expect(this.threshold('mql')).toBeVisible();
  }

  threshold(name: Threshold): Locator {
    return this.page.getByRole('textbox', {
      name: label(this.language, `settingsPage.thresholds.${name}`),
      exact: true,
    });
  }

  async setThreshold(name: Threshold, value: number): Promise<void> {
    await this.threshold(name).fill(String(value));
  }

  /** The points field of the rule described by `ruleText` ("Berufsbezeichnung angegeben"). */
  rulePoints(ruleText: string): Locator {
    return this.page.getByRole('textbox', {
      name: label(this.language, 'settingsPage.rules.points', { rule: ruleText }),
      exact: true,
    });
  }

  preview(): Locator {
    return this.page.getByRole('region', {
      name: label(this.language, 'settingsPage.preview.title'),
      exact: true,
    });
  }

  /** "X Leads werden MQL". */
  becomeMql(): Locator {
    return this.preview().getByTestId('preview-become-mql');
  }

  /** "Y Leads fallen unter die MQL-Schwelle". */
  stopMql(): Locator {
    return this.preview().getByTestId('preview-stop-mql');
  }

  /** "Z würden beim Speichern automatisch zu MQL befördert". */
  promoted(): Locator {
    return this.preview().getByTestId('preview-promoted');
  }

  /** Waits until the preview shows the answer for the current draft. */
  async expectPreviewSettled(): Promise<void> {
    await expect(this.preview().getByTestId('preview')).toBeVisible();
    await expect(
      this.preview().getByText(label(this.language, 'settingsPage.preview.calculating')),
    ).toHaveCount(0);
  }

  dirtyBadge(): Locator {
    return this.page.getByTestId('dirty');
  }

  savedBy(): Locator {
    return this.page.getByTestId('saved-by');
  }

  async save(): Promise<void> {
    await this.page
      .getByRole('button', { name: label(this.language, 'ui.common.save'), exact: true })
      .click();
  }
}
