import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { SourceChannel } from '../../../src/core/domain/channels';
import type { Language } from '../../../src/core/ipc/contract';
import type { ImportField } from '../../../src/core/import/types';
import { label } from './text';

type Outcome = 'create' | 'fill' | 'overwrite' | 'skip' | 'suppressed' | 'invalid' | 'empty';

/** The import wizard (`#/import`) and the import history (`#/imports`). */
export class ImportPage {
  constructor(
    private readonly page: Page,
    private readonly language: Language = 'de',
  ) {}

  private text(key: string, params?: Record<string, string | number>): string {
    return label(this.language, key, params);
  }

  private button(key: string, scope: Page | Locator = this.page): Locator {
    return scope.getByRole('button', { name: this.text(key), exact: true });
  }

  /** Opens the wizard from the navigation. */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: this.text('importUi.nav'), exact: true }).click();
    await expect(
      this.page.getByRole('heading', { name: this.text('importUi.title') }),
    ).toBeVisible();
  }

  /** Chooses the file in the browser's file chooser: it is uploaded and read. */
  async readFile(path: string): Promise<void> {
    await this.page
      .getByLabel(this.text('importUi.file.upload'), { exact: true })
      .setInputFiles(path);
    await expect(this.readSetting('encoding')).toBeVisible();
  }

  /** A select of how the file was read. */
  readSetting(setting: 'format' | 'encoding' | 'delimiter'): Locator {
    return this.page.getByRole('combobox', { name: this.text(`importUi.file.${setting}`) });
  }

  async next(): Promise<void> {
    await this.button('importUi.next').click();
  }

  /** The field a column of the file is imported as. */
  fieldSelect(column: string): Locator {
    return this.page.getByRole('combobox', {
      name: this.text('importUi.mapping.fieldFor', { column }),
      exact: true,
    });
  }

  async mapColumn(column: string, field: ImportField | null): Promise<void> {
    await this.fieldSelect(column).selectOption(field ?? '');
  }

  /** Fills the options step and goes on to the preview. */
  async chooseOptions(options: { source: SourceChannel; campaign?: string }): Promise<void> {
    await this.page
      .getByRole('combobox', { name: this.text('importUi.options.source'), exact: true })
      .selectOption(options.source);
    if (options.campaign !== undefined) {
      const campaign = this.page.getByRole('combobox', {
        name: this.text('importUi.options.campaign'),
        exact: true,
      });
      await campaign.fill(options.campaign);
      await campaign.press('Escape');
    }
    await this.button('importUi.toPreview').click();
  }

  /** The stat card of one outcome of the preview or the result. */
  outcome(outcome: Outcome): Locator {
    return this.page.getByTestId(`outcome-${outcome}`);
  }

  /** Waits until the preview's check has finished and the import can start. */
  async expectPreviewReady(): Promise<void> {
    await expect(this.button('importUi.preview.start')).toBeEnabled({ timeout: 30_000 });
  }

  /** Saves the rows the check left out; the browser downloads them. */
  async saveRejected(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.button('importUi.preview.saveRejected').click();
    return download;
  }

  issuesTable(): Locator {
    return this.page.getByRole('table', { name: this.text('importUi.preview.issuesTitle') });
  }

  previewRows(): Locator {
    return this.page.getByRole('table', { name: this.text('importUi.preview.rowsTitle') });
  }

  /** "Mögliche Dubletten – bitte prüfen": rows that resemble a lead only by name. */
  possibleDuplicates(): Locator {
    return this.page.getByRole('table', { name: this.text('importUi.preview.possibleTitle') });
  }

  /** Decides what happens to one matched row of the preview. */
  async chooseAction(row: number, action: 'skip' | 'fill' | 'overwrite' | 'create'): Promise<void> {
    await this.page
      .getByRole('combobox', { name: this.text('importUi.preview.actionFor', { row }) })
      .selectOption(action);
  }

  /** Starts the real import and waits for its result. */
  async importNow(): Promise<void> {
    await this.button('importUi.preview.start').click();
    await expect(
      this.page.getByRole('heading', { name: this.text('importUi.run.doneTitle') }),
    ).toBeVisible({ timeout: 30_000 });
  }

  async toLeads(): Promise<void> {
    await this.button('importUi.run.toLeads').click();
  }

  async openHistory(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/imports`);
    await expect(this.historyTable()).toBeVisible();
  }

  historyTable(): Locator {
    return this.page.getByRole('table', { name: this.text('importHistory.title') });
  }

  historyRow(fileName: string): Locator {
    return this.historyTable().getByRole('row').filter({ hasText: fileName });
  }

  /** Undoes an import from the history after confirming; returns the result dialog. */
  async undo(fileName: string): Promise<Locator> {
    await this.page
      .getByRole('button', { name: this.text('importHistory.undo.buttonFor', { file: fileName }) })
      .click();
    const dialog = this.page.getByRole('dialog');
    await this.button('importHistory.undo.confirm', dialog).click();
    await expect(dialog.getByTestId('undo-result')).toBeVisible();
    return dialog;
  }

  async closeDialog(): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await this.button('importHistory.close', dialog).click();
    await expect(dialog).toHaveCount(0);
  }
}

/** The export dialog behind "Exportieren" on the leads table and the pipeline. */
export class ExportDialog {
  readonly dialog: Locator;

  constructor(
    private readonly page: Page,
    private readonly language: Language = 'de',
  ) {
    this.dialog = page.getByRole('dialog', { name: label(language, 'exportUi.title') });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('button', { name: label(this.language, 'exportUi.button'), exact: true })
      .click();
    await expect(this.dialog).toBeVisible();
  }

  /** Exports as the dialog is set; the browser downloads the file. */
  async download(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.dialog
      .getByRole('button', { name: label(this.language, 'exportUi.download'), exact: true })
      .click();
    await expect(this.dialog).toHaveCount(0);
    return download;
  }
}
