import { expect, type Locator, type Page } from '@playwright/test';
import type { ActivityKind, BuyingRole } from '../../../src/core/domain/lead';
import type { Language } from '../../../src/core/ipc/contract';
import type { ScoreAxis } from '../../../src/core/scoring/rules';
import type { Authority, BudgetStatus, NeedStatus } from '../../../src/core/scoring/bant';
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
  | 'expectedValue'
  | 'expectedCloseDate';

/** What the BANT panel is filled with, as typed: amounts "12.500,00", timing "09.2026". */
export type BantEntry = {
  budgetStatus?: BudgetStatus;
  budget?: string;
  budgetMax?: string;
  authority?: Authority;
  decider?: string;
  need?: NeedStatus;
  needText?: string;
  timing?: string;
};

/** An activity as logged from the detail view. */
export type ActivityEntry = {
  kind: ActivityKind;
  /** The content item's name, for downloads and webinars. */
  content?: string;
  /** Date and time as typed ("03.02.2026 14:05"); now when omitted. */
  when?: string;
  url?: string;
  topic?: string;
  text?: string;
};

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
    await this.page.getByRole('link', { name: label(this.language, 'ui.nav.board') }).click();
  }

  heading(text: string): Locator {
    return this.page.getByRole('heading', { name: text });
  }

  async selectRole(role: BuyingRole): Promise<void> {
    await this.page
      .getByRole('combobox', { name: label(this.language, 'ui.fields.buyingRole'), exact: true })
      .selectOption(role);
  }

  /** The stage badge in the title row. */
  stageBadge(): Locator {
    return this.page.getByTestId('stage-badge');
  }

  /** The score panel: figures, temperature, "why this score" and the topic profile. */
  scorePanel(): Locator {
    return this.page.getByRole('region', { name: label(this.language, 'scoreUi.title') });
  }

  scoreFigure(which: 'fit' | 'engagement' | 'total'): Locator {
    return this.scorePanel().getByTestId(`score-${which}`);
  }

  temperature(): Locator {
    return this.scorePanel().getByTestId('temperature');
  }

  /** The explanation lines of one axis. */
  contributions(axis: ScoreAxis): Locator {
    return this.scorePanel().getByTestId(`axis-${axis}`).getByTestId('contribution');
  }

  /** The total of one axis as the explanation shows it, and the values of its lines. */
  async axisSums(axis: ScoreAxis): Promise<{ shown: number; lines: number[] }> {
    const group = this.scorePanel().getByTestId(`axis-${axis}`);
    const shown = Number(await group.getByTestId('axis-total').getAttribute('data-value'));
    const values = await group
      .getByTestId('contribution-value')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
    return { shown, lines: values };
  }

  topic(name: string): Locator {
    return this.scorePanel().getByRole('progressbar', { name: new RegExp(`^${name}: \\d+ %$`) });
  }

  bantPanel(): Locator {
    return this.page.getByRole('region', { name: label(this.language, 'scoreUi.bant.title') });
  }

  async fillBant(entry: BantEntry): Promise<void> {
    const panel = this.bantPanel();
    const select = (key: string) =>
      panel.getByRole('combobox', { name: label(this.language, key), exact: true });
    const text = (key: string) =>
      panel.getByRole('textbox', { name: label(this.language, key), exact: true });
    if (entry.budgetStatus) await select('scoreUi.bant.budget').selectOption(entry.budgetStatus);
    if (entry.budget !== undefined) {
      const key = entry.budgetStatus === 'range' ? 'scoreUi.bant.from' : 'scoreUi.bant.amount';
      await text(key).fill(entry.budget);
    }
    if (entry.budgetMax !== undefined) await text('scoreUi.bant.to').fill(entry.budgetMax);
    if (entry.authority) await select('scoreUi.bant.authority').selectOption(entry.authority);
    if (entry.decider !== undefined) await text('scoreUi.bant.decider').fill(entry.decider);
    if (entry.need) await select('scoreUi.bant.need').selectOption(entry.need);
    if (entry.needText !== undefined) await text('scoreUi.bant.needText').fill(entry.needText);
    if (entry.timing !== undefined) await text('scoreUi.bant.timing').fill(entry.timing);
  }

  async saveBant(): Promise<void> {
    await this.bantPanel()
      .getByRole('button', { name: label(this.language, 'scoreUi.bant.save'), exact: true })
      .click();
  }

  /** The readiness checklist (handover to sales, SQL). */
  readiness(): Locator {
    return this.page.getByRole('region', {
      name: label(this.language, 'scoreUi.readiness.title'),
    });
  }

  /** Opens the calendar of a date field; returns the popover. */
  async openCalendar(labelKey: string): Promise<Locator> {
    const field = label(this.language, labelKey);
    const opener = label(this.language, 'dates.openCalendar', { field });
    await this.page.getByRole('button', { name: opener, exact: true }).click();
    return this.page.getByRole('dialog');
  }

  /** Logs an activity with the detail view's form. */
  async logActivity(entry: ActivityEntry): Promise<void> {
    const combobox = (key: string) =>
      this.page.getByRole('combobox', { name: label(this.language, key), exact: true });
    const textbox = (key: string) =>
      this.page.getByRole('textbox', { name: label(this.language, key), exact: true });
    await combobox('ui.activity.kind').selectOption(entry.kind);
    if (entry.content !== undefined) {
      const content = combobox('scoreUi.activity.content');
      const option = content.locator('option', { hasText: entry.content });
      await content.selectOption((await option.getAttribute('value')) ?? '');
    }
    if (entry.when !== undefined) await textbox('ui.activity.occurredAt').fill(entry.when);
    if (entry.url !== undefined) await textbox('scoreUi.activity.url').fill(entry.url);
    if (entry.topic !== undefined) await textbox('scoreUi.activity.topic').fill(entry.topic);
    if (entry.text !== undefined) await textbox('ui.activity.text').fill(entry.text);
    await this.page
      .getByRole('button', { name: label(this.language, 'ui.activity.add'), exact: true })
      .click();
  }

  /** The entries of the activity timeline, newest first. */
  activities(): Locator {
    return this.page.getByTestId('activity');
  }
}
