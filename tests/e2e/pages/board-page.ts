import { expect, type Locator, type Page } from '@playwright/test';
import type { Stage } from '../../../src/core/domain/stages';
import type { Language } from '../../../src/core/ipc/contract';
import type { Temperature } from '../../../src/core/scoring/score';
import { label } from './text';

/** The pipeline board: one region per stage, one article per lead. */
export class BoardPage {
  constructor(
    private readonly page: Page,
    private readonly language: Language = 'de',
  ) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/pipeline`);
    await this.expectVisible();
  }

  async expectVisible(): Promise<void> {
    await expect(this.column('lead')).toBeVisible();
  }

  /** The column of a stage, found by its translated name. */
  column(stage: Stage): Locator {
    return this.page.getByRole('region', {
      name: label(this.language, `stages.${stage}`),
      exact: true,
    });
  }

  /** A lead's card anywhere on the board, or inside one stage's column. */
  card(fullName: string, stage?: Stage): Locator {
    const scope = stage === undefined ? this.page : this.column(stage);
    return scope.getByRole('article', { name: fullName, exact: true });
  }

  async newLead(): Promise<void> {
    await this.page
      .getByRole('button', { name: label(this.language, 'ui.board.newLead'), exact: true })
      .click();
  }

  /** Expands a side column (Customer, Nurture, Disqualified, Lost) when it is collapsed. */
  async expand(stage: Stage): Promise<void> {
    const toggle = this.column(stage).getByRole('button', {
      name: label(this.language, 'ui.board.expand', {
        stage: label(this.language, `stages.${stage}`),
      }),
    });
    if (await toggle.isVisible()) await toggle.click();
  }

  /** The horizontally scrolling container of all columns. */
  board(): Locator {
    return this.page.getByTestId('board');
  }

  /**
   * Drags a card onto another column with the mouse (HTML drag and drop), as a user would:
   * when the target column is off screen, the card is held at the board's edge until the
   * board has scrolled it into view, then dropped on it.
   */
  async drag(fullName: string, from: Stage, to: Stage): Promise<void> {
    const mouse = this.page.mouse;
    const card = this.card(fullName, from);
    const target = this.column(to);
    await card.scrollIntoViewIfNeeded();
    const start = await boxOf(card);
    const y = start.y + start.height / 2;
    await mouse.move(start.x + start.width / 2, y);
    await mouse.down();
    await mouse.move(start.x + start.width / 2 + 12, y + 4, { steps: 3 });
    if (!(await isFullyVisible(target))) {
      const board = await boxOf(this.board());
      const toTheRight = (await boxOf(target)).x > start.x;
      // 40 px in: inside the board's own edge zone, outside Chromium's built-in 20 px one.
      const edgeX = toTheRight ? board.x + board.width - 40 : board.x + 40;
      await mouse.move(edgeX, y, { steps: 8 });
      await expect(target, 'the board scrolls while the card is held at its edge').toBeInViewport({
        ratio: 0.95,
      });
    }
    const end = await boxOf(target);
    await mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
    await mouse.up();
  }

  /** Moves a card with the keyboard: focus its "Move to…" button, open, pick the stage. */
  async moveByKeyboard(fullName: string, from: Stage, to: Stage): Promise<void> {
    const moveTo = this.card(fullName, from).getByRole('button', {
      name: label(this.language, 'ui.card.moveTo'),
    });
    await moveTo.focus();
    await this.page.keyboard.press('Enter');
    const menu = this.page.getByRole('menu');
    await expect(menu).toBeVisible();
    const items = menu.getByRole('menuitem');
    const target = label(this.language, `stages.${to}`);
    const count = await items.count();
    // Walk the menu with the arrow keys until the wanted stage has the focus.
    for (let step = 0; step <= count; step += 1) {
      const focused = await menu.evaluate(
        (element) => element.ownerDocument.activeElement?.textContent?.trim() ?? '',
      );
      if (focused === target) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await expect(menu.getByRole('menuitem', { name: target, exact: true })).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  /** Types into the board's text search (name, company, email). */
  async search(text: string): Promise<void> {
    await this.page
      .getByLabel(label(this.language, 'ui.filters.search'), { exact: true })
      .fill(text);
    // The search is debounced; it has applied once it is part of the address.
    await expect(this.page).toHaveURL(new RegExp(`#/pipeline\\?.*=${encodeURIComponent(text)}`));
  }

  /** Orders one column by score or newest first with the toggle in its header. */
  async sortColumn(stage: Stage, sort: 'recent' | 'score'): Promise<void> {
    await this.column(stage)
      .getByText(label(this.language, `scoreUi.board.${sort}`), { exact: true })
      .click();
    await expect(
      this.column(stage).getByRole('radio', {
        name: label(this.language, `scoreUi.board.${sort}`),
      }),
    ).toBeChecked();
  }

  /** The names on the cards of a column, top to bottom. */
  async cardNames(stage: Stage): Promise<string[]> {
    return this.column(stage)
      .getByRole('article')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label') ?? ''));
  }

  /** The scores on the rendered cards of a column, top to bottom. */
  async cardScores(stage: Stage): Promise<number[]> {
    const texts = await this.column(stage).getByTestId('card-score').allTextContents();
    return texts.map((text) => Number(/(-?\d+)/.exec(text)?.[1]));
  }

  /** Filters the board by temperature (null: all). */
  async filterTemperature(temperature: Temperature | null): Promise<void> {
    await this.page
      .getByRole('combobox', { name: label(this.language, 'scoreUi.filters.temperature') })
      .selectOption(temperature ?? '');
  }

  async open(fullName: string): Promise<void> {
    await this.card(fullName).click();
  }
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not laid out`);
  return box;
}

async function isFullyVisible(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (element) =>
      new Promise<boolean>((resolve) => {
        const observer = new IntersectionObserver(([entry]) => {
          observer.disconnect();
          resolve((entry?.intersectionRatio ?? 0) >= 0.95);
        });
        observer.observe(element);
      }),
  );
}
