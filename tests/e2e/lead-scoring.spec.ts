import type { Page } from '@playwright/test';
import type { ClientFrame, ServerFrame } from '../../src/core/ipc/wire';
import { expect, test } from './fixtures';
import { screenshot, signIn } from './flows';

/**
 * Setup only: adds an item to the content library over the app's own bridge, from inside the
 * page (same origin, same token), as the content library page would.
 */
async function createContent(
  page: Page,
  fields: { name: string; type: string; topic: string },
): Promise<void> {
  const result = await page.evaluate(async (item) => {
    const token = new URLSearchParams(window.location.search).get('token') ?? '';
    const socket = new WebSocket(`ws://${window.location.host}/bridge?token=${token}`);
    return new Promise<ServerFrame>((resolve, reject) => {
      socket.onerror = () => reject(new Error('bridge not reachable'));
      socket.onopen = () => {
        const frame: ClientFrame = {
          type: 'invoke',
          id: 1,
          channel: 'content.create',
          input: {
            fields: { ...item, phase: 'awareness', targetRole: null, url: '', archived: false },
          },
        };
        socket.send(JSON.stringify(frame));
      };
      socket.onmessage = (event) => {
        const frame = JSON.parse(String(event.data)) as ServerFrame;
        if (frame.type !== 'result') return;
        socket.close();
        resolve(frame);
      };
    });
  }, fields);
  expect(result.type === 'result' && result.result.ok, JSON.stringify(result)).toBe(true);
}

test.use({ viewport: { width: 1600, height: 1300 } });

test('Frau Teichmann: handover refused without content, the whitepaper makes her an MQL, BANT makes her hot', async ({
  page,
  server,
  whoAmI,
  board,
  detail,
}) => {
  await signIn(page, server.url, whoAmI, 'Erika Muster');
  await createContent(page, {
    name: 'Cloudlösungen im Mittelstand',
    type: 'whitepaper',
    topic: 'Cloud',
  });

  await board.newLead();
  await detail.fill({
    firstName: 'Claudia',
    lastName: 'Teichmann',
    email: 'c.teichmann@froehlich-holidays.de',
    phone: '030 1234567',
    jobTitle: 'Leiterin IT',
    companyName: 'Fröhlich Holidays',
  });
  await detail.selectRole('decision_maker');
  await detail.save();
  await detail.expectSaved();

  // Fit only: job title 5, phone 15, company 5, decision maker 15, company email 5.
  await expect(detail.scoreFigure('fit')).toHaveText('45');
  await expect(detail.scoreFigure('engagement')).toHaveText('0');
  await expect(detail.scoreFigure('total')).toHaveText('45');
  await expect(detail.temperature()).toHaveText('warm');
  await expect(
    detail.contributions('fit').filter({ hasText: 'Berufsbezeichnung angegeben' }),
  ).toContainText('+5');
  await expect(detail.readiness()).toContainText('Mindestens ein genutzter Inhalt');

  // The board refuses the handover and names what is missing; the card snaps back.
  await board.goto(server.url);
  await expect(board.card('Claudia Teichmann', 'lead')).toContainText('Score 45');
  await board.moveByKeyboard('Claudia Teichmann', 'lead', 'sal');
  await expect(
    page.getByText(
      'Übergabe an den Vertrieb noch nicht möglich. Es fehlt: Mindestens ein genutzter Inhalt.',
    ),
  ).toBeVisible();
  await expect(board.card('Claudia Teichmann', 'lead')).toBeVisible();
  await expect(board.card('Claudia Teichmann', 'sal')).toHaveCount(0);

  // She downloads the whitepaper: 15 more points cross the MQL threshold of 60.
  await board.open('Claudia Teichmann');
  await expect(detail.scoreFigure('total')).toHaveText('45');
  await detail.logActivity({ kind: 'download', content: 'Cloudlösungen im Mittelstand' });
  await expect(detail.scoreFigure('engagement')).toHaveText('15');
  await expect(detail.scoreFigure('total')).toHaveText('60');
  const download = detail.contributions('engagement').filter({ hasText: 'Download: Whitepaper' });
  await expect(download).toContainText('„Cloudlösungen im Mittelstand“');
  await expect(download).toContainText('+15');
  for (const axis of ['fit', 'engagement'] as const) {
    const { shown, lines } = await detail.axisSums(axis);
    expect(lines.reduce((sum, value) => sum + value, 0)).toBe(shown);
  }
  await expect(detail.topic('Cloud')).toBeVisible();
  await expect(detail.activities().first()).toContainText('Cloudlösungen im Mittelstand');
  await expect(detail.stageBadge()).toHaveText('MQL');
  await expect(page.getByText(/durch Scoring · bei Score 60/)).toBeVisible();
  await expect(detail.readiness()).not.toContainText('Mindestens ein genutzter Inhalt');
  await expect(detail.temperature()).toHaveText('warm');

  // Sales qualifies her by phone: need, budget and timing stated → hot, by BANT.
  await detail.fillBant({
    budgetStatus: 'amount',
    budget: '25.000',
    authority: 'decides',
    need: 'confirmed',
    needText: 'Cloud-Migration der Buchungssysteme',
    timing: '09.2026',
  });
  await detail.saveBant();
  await expect(page.getByText('BANT gespeichert.')).toBeVisible();
  await expect(detail.temperature()).toHaveText('heiß');
  await expect(detail.scorePanel()).toContainText('nach BANT');
  await expect(detail.readiness().getByText(/Alle Kriterien erfüllt/)).toHaveCount(2);
  await page.reload();
  await expect(detail.temperature()).toHaveText('heiß');
  await expect(detail.bantPanel().getByRole('textbox', { name: 'Betrag (€)' })).toHaveValue(
    '25.000',
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'lead-score');

  // On the board: score and temperature on the card, MQL ordered by score.
  await board.goto(server.url);
  await board.sortColumn('mql', 'score');
  await expect(page).toHaveURL(/byScore=mql/);
  const card = board.card('Claudia Teichmann', 'mql');
  await expect(card).toContainText('Score 60');
  await expect(card.getByTestId('temperature')).toHaveText('heiß');
  await board.filterTemperature('cold');
  await expect(board.card('Claudia Teichmann')).toHaveCount(0);
  await board.filterTemperature('hot');
  await expect(board.card('Claudia Teichmann', 'mql')).toBeVisible();
  await screenshot(page, 'board-scores');
});

test.describe('with demo data', () => {
  test.use({ demo: true });

  test('columns and the leads table sort by score; the temperature filter applies', async ({
    page,
    server,
    whoAmI,
    board,
    leadsTable,
  }) => {
    const descending = (values: number[]) => [...values].sort((a, b) => b - a);

    await signIn(page, server.url, whoAmI, 'Erika Muster');
    await board.sortColumn('lead', 'score');
    await expect(page).toHaveURL(/byScore=lead/);
    // The URL changes before the re-sorted cards arrive: wait for the new order, not a moment.
    await expect
      .poll(async () => {
        const scores = await board.cardScores('lead');
        return scores.length > 3 && scores.join() === descending(scores).join();
      })
      .toBe(true);
    await screenshot(page, 'board-scores');

    await board.filterTemperature('hot');
    await expect(page).toHaveURL(/temp=hot/);
    await expect
      .poll(async () => new Set(await board.board().getByTestId('temperature').allTextContents()))
      .toEqual(new Set(['heiß']));

    await leadsTable.goto(server.url);
    await leadsTable.sortBy('score');
    await leadsTable.sortBy('score');
    await expect(leadsTable.header('score')).toHaveAttribute('aria-sort', 'descending');
    // The header shows the new sort before the re-sorted rows arrive: wait for the rows.
    await expect
      .poll(async () => {
        const tableScores = (await leadsTable.columnTexts('score')).map((text) =>
          Number(/(-?\d+)/.exec(text)?.[1]),
        );
        return tableScores.length > 10 && tableScores.join() === descending(tableScores).join();
      })
      .toBe(true);
    await expect(leadsTable.rows().first().getByTestId('temperature')).toBeVisible();
  });
});
