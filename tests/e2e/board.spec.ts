import { expect, test } from './fixtures';
import { createLeadOnBoard, screenshot, signIn } from './flows';

test.describe('pipeline board', () => {
  test('a new lead is created, dragged from Lead to MQL and stays there after a reload', async ({
    page,
    server,
    whoAmI,
    board,
    detail,
  }) => {
    await signIn(page, server.url, whoAmI, 'Erika Muster');
    await board.newLead();
    await detail.fill({
      firstName: 'Jana',
      lastName: 'Krüger',
      email: 'jana.krueger@beispiel.de',
      companyName: 'Krüger Maschinenbau GmbH',
    });
    await detail.save();
    await detail.expectSaved();
    await expect(detail.field('email')).toHaveValue('jana.krueger@beispiel.de');
    await screenshot(page, 'lead-detail');

    await board.goto(server.url);
    await expect(board.card('Jana Krüger', 'lead')).toBeVisible();
    await expect(board.card('Jana Krüger', 'lead')).toContainText('Krüger Maschinenbau GmbH');

    await board.drag('Jana Krüger', 'lead', 'mql');
    await expect(board.card('Jana Krüger', 'mql')).toBeVisible();
    await expect(board.card('Jana Krüger', 'lead')).toHaveCount(0);

    await page.reload();
    await expect(board.card('Jana Krüger', 'mql')).toBeVisible();
    await expect(board.card('Jana Krüger', 'lead')).toHaveCount(0);
    await screenshot(page, 'board');
  });

  test('a refused move (Lead onto Lost) shows the reason and the card stays in Lead', async ({
    page,
    server,
    whoAmI,
    board,
    detail,
  }) => {
    await createLeadOnBoard(
      { page, server, whoAmI, board, detail },
      { firstName: 'Tim', lastName: 'Becker', email: 'tim.becker@beispiel.de' },
    );
    await expect(board.card('Tim Becker', 'lead')).toBeVisible();

    // At 1600 px the board is wider than the screen: the drag has to scroll it on the way.
    await expect(board.column('lost')).not.toBeInViewport();
    await board.drag('Tim Becker', 'lead', 'lost');
    await expect(
      page.getByText(
        'Nur Leads, die der Vertrieb angenommen hat (SAL, SQL, Opportunity), können verloren gehen.',
        { exact: false },
      ),
    ).toBeVisible();
    await expect(board.card('Tim Becker', 'lead')).toBeVisible();
    await screenshot(page, 'board-refused-move');

    await page.reload();
    await expect(board.card('Tim Becker', 'lead')).toBeVisible();
  });

  test('the keyboard "Move to…" menu moves a card', async ({
    page,
    server,
    whoAmI,
    board,
    detail,
  }) => {
    await createLeadOnBoard(
      { page, server, whoAmI, board, detail },
      { firstName: 'Lena', lastName: 'Vogel', email: 'lena.vogel@beispiel.de' },
    );

    await board.moveByKeyboard('Lena Vogel', 'lead', 'mql');
    await expect(board.card('Lena Vogel', 'mql')).toBeVisible();
    await page.reload();
    await expect(board.card('Lena Vogel', 'mql')).toBeVisible();
    await expect(board.card('Lena Vogel', 'lead')).toHaveCount(0);
  });
});
