import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../../src/core/ipc/contract';
import { exact, label } from './text';

export type LeadsColumn =
  | 'name'
  | 'company'
  | 'stage'
  | 'score'
  | 'temperature'
  | 'owner'
  | 'source'
  | 'value'
  | 'stageEnteredAt';

/** The catalog key of a column's header. */
function headerKey(column: LeadsColumn): string {
  return column === 'score' || column === 'temperature'
    ? `scoreUi.columns.${column}`
    : `ui.leads.columns.${column}`;
}

/** The Leads view: a sortable, paged table. */
export class LeadsTablePage {
  readonly table: Locator;

  constructor(
    private readonly page: Page,
    private readonly language: Language = 'de',
  ) {
    this.table = page.getByRole('table');
  }

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/leads`);
    await expect(this.table).toBeVisible();
  }

  header(column: LeadsColumn): Locator {
    return this.table.getByRole('columnheader', {
      name: exact(label(this.language, headerKey(column))),
    });
  }

  async sortBy(column: LeadsColumn): Promise<void> {
    await this.header(column).getByRole('button').click();
  }

  /** Body rows (the header row excluded). */
  rows(): Locator {
    return this.table.locator('tbody').getByRole('row');
  }

  /** Text of one cell per body row for a column, top to bottom (DOM text, not CSS-cased). */
  async columnTexts(column: LeadsColumn): Promise<string[]> {
    const headers = await this.table.getByRole('columnheader').allTextContents();
    const wanted = label(this.language, headerKey(column));
    const index = headers.findIndex((text) => exact(wanted).test(text));
    if (index < 0) throw new Error(`no column ${wanted} in ${headers.join(' | ')}`);
    return this.rows()
      .locator(`td:nth-child(${index + 1})`)
      .allTextContents();
  }

  async gotoPage(page: number): Promise<void> {
    await this.page.getByRole('button', { name: String(page), exact: true }).click();
  }

  async nextPage(): Promise<void> {
    await this.page
      .getByRole('button', { name: label(this.language, 'ui.leads.pager.next'), exact: true })
      .click();
  }

  async setPageSize(size: number): Promise<void> {
    await this.page
      .getByRole('combobox', { name: label(this.language, 'ui.leads.pageSize') })
      .selectOption(String(size));
  }
}
