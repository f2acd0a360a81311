import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../../src/renderer/features/board/board-page';
import { edgeScrollStep } from '../../src/renderer/features/board/edge-scroll';
import { board, summary } from './fixtures';
import { fakeBridge, NOW, ok, renderApp } from './harness';

const DAY = 24 * 60 * 60 * 1000;

const petersen = summary({ id: 'l1', firstName: 'Maria', lastName: 'Petersen', stage: 'lead' });
const anders = summary({
  id: 'l2',
  firstName: 'Jens',
  lastName: 'Anders',
  stage: 'opportunity',
  companyName: 'Happy Current',
  expectedValueCents: 1_250_000,
});

function setup() {
  const fake = fakeBridge({
    'lookups.get': () => ok({ users: [], campaigns: [] }),
    'board.load': () => ok(board([petersen, anders])),
    'leads.move': (input) => ok({ ...petersen, stage: input.to as never }),
  });
  renderApp(<BoardPage />, fake.bridge);
  return fake;
}

async function openMoveMenu(name: string) {
  const card = await screen.findByRole('article', { name });
  fireEvent.click(within(card).getByRole('button', { name: 'Verschieben nach …' }));
  return card;
}

describe('pipeline board', () => {
  it('shows columns by stage name with counts, sums and card details', async () => {
    setup();
    const leadColumn = await screen.findByRole('region', { name: 'Lead' });
    const card = await within(leadColumn).findByRole('article', { name: 'Maria Petersen' });
    expect(within(card).getByText('Schick und Schmuck')).toBeTruthy();
    expect(within(card).getByText('JB')).toBeTruthy();
    expect(within(card).getByText('Whitepaper/E-Book')).toBeTruthy();
    expect(within(card).getByText('seit 3 Tagen in der Phase')).toBeTruthy();
    expect(within(card).getByText(/12\.500\s€/)).toBeTruthy();
    expect(within(leadColumn).getByText('1 Lead')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Verloren' })).toBeTruthy();
  });

  it('refuses a drop from Lead to Lost with the translated reason and keeps the card', async () => {
    const { callsTo } = setup();
    const card = await screen.findByRole('article', { name: 'Maria Petersen' });
    const lost = screen.getByRole('region', { name: 'Verloren' });
    fireEvent.dragStart(card, { dataTransfer: { setData: () => undefined } });
    fireEvent.dragOver(lost);
    fireEvent.drop(lost);
    expect(await screen.findByText(/Nur Leads, die der Vertrieb angenommen hat/)).toBeTruthy();
    expect(callsTo('leads.move')).toHaveLength(0);
    expect(
      within(screen.getByRole('region', { name: 'Lead' })).getByRole('article', {
        name: 'Maria Petersen',
      }),
    ).toBeTruthy();
  });

  it('asks for a reason before disqualifying, then sends it with the version', async () => {
    const { callsTo } = setup();
    await openMoveMenu('Maria Petersen');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Disqualifiziert' }));
    const dialog = await screen.findByRole('dialog');
    const reason = within(dialog).getByLabelText(/Warum wird der Lead disqualifiziert/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verschieben' }));
    expect(await within(dialog).findByText('Pflichtfeld')).toBeTruthy();
    expect(callsTo('leads.move')).toHaveLength(0);

    fireEvent.change(reason, { target: { value: 'Kein Budget, kein Bedarf' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verschieben' }));
    await waitFor(() => expect(callsTo('leads.move')).toHaveLength(1));
    expect(callsTo('leads.move')[0]!.input).toMatchObject({
      id: 'l1',
      version: 4,
      to: 'disqualified',
      reason: 'Kein Budget, kein Bedarf',
    });
  });

  it('asks for a deal value (prefilled from the expected value) before Customer', async () => {
    const { callsTo } = setup();
    await openMoveMenu('Jens Anders');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Kunde' }));
    const dialog = await screen.findByRole('dialog');
    const value = within(dialog).getByLabelText(/Auftragswert/);
    expect(value).toHaveProperty('value', '12.500');
    expect(within(dialog).queryByRole('textbox', { name: /Warum/ })).toBeNull();
    fireEvent.change(value, { target: { value: '0' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verschieben' }));
    expect(await within(dialog).findByText(/Auftragswert über 0 € nötig/)).toBeTruthy();

    fireEvent.change(value, { target: { value: '14.000,00' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verschieben' }));
    await waitFor(() => expect(callsTo('leads.move')).toHaveLength(1));
    expect(callsTo('leads.move')[0]!.input).toMatchObject({
      id: 'l2',
      to: 'customer',
      dealValueCents: 1_400_000,
    });
  });

  it('cancelling the dialog moves nothing', async () => {
    const { callsTo } = setup();
    await openMoveMenu('Jens Anders');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Verloren' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsTo('leads.move')).toHaveLength(0);
    expect(
      within(screen.getByRole('region', { name: 'Opportunity' })).getByRole('article', {
        name: 'Jens Anders',
      }),
    ).toBeTruthy();
  });

  it('says "seit heute" and "seit 1 Tag" for fresh cards', async () => {
    const fake = fakeBridge({
      'lookups.get': () => ok({ users: [], campaigns: [] }),
      'board.load': () =>
        ok(
          board([
            summary({ id: 'a', firstName: 'Heute', stageEnteredAt: NOW - 60_000 }),
            summary({ id: 'b', firstName: 'Gestern', stageEnteredAt: NOW - DAY - 60_000 }),
          ]),
        ),
    });
    renderApp(<BoardPage />, fake.bridge);
    const today = await screen.findByRole('article', { name: 'Heute Petersen' });
    expect(within(today).getByText('seit heute in der Phase')).toBeTruthy();
    const yesterday = screen.getByRole('article', { name: 'Gestern Petersen' });
    expect(within(yesterday).getByText('seit 1 Tag in der Phase')).toBeTruthy();
  });

  it('shows a collapsed side column as a drop target with name and count', async () => {
    setup();
    await screen.findByRole('article', { name: 'Maria Petersen' });
    const lost = screen.getByRole('region', { name: 'Verloren' });
    expect(within(lost).getByText('Verloren')).toBeTruthy();
    expect(within(lost).getByText('0 Leads')).toBeTruthy();
    expect(within(lost).getByRole('button', { name: 'Verloren aufklappen' })).toBeTruthy();
    expect(within(lost).queryByText('Keine Leads')).toBeNull();
  });
});

describe('scores on the board', () => {
  it('shows score, temperature as a word and "MQL-reif" on the card', async () => {
    const fake = fakeBridge({
      'lookups.get': () => ok({ users: [], campaigns: [] }),
      'board.load': () =>
        ok(
          board([
            summary({
              id: 'h',
              firstName: 'Heiß',
              scoreTotal: 82,
              temperature: 'hot',
              mqlReady: true,
            }),
            summary({ id: 'k', firstName: 'Kalt', scoreTotal: 4, scoreDelta7d: -6 }),
          ]),
        ),
    });
    renderApp(<BoardPage />, fake.bridge);
    const hot = within(await screen.findByRole('article', { name: 'Heiß Petersen' }));
    expect(hot.getByText('Score 82')).toBeTruthy();
    expect(hot.getByTestId('temperature').textContent).toBe('heiß');
    expect(hot.getByText('MQL-reif')).toBeTruthy();
    const cold = within(screen.getByRole('article', { name: 'Kalt Petersen' }));
    expect(cold.getByTestId('temperature').textContent).toBe('kalt');
    expect(cold.getByText('▼ 6')).toBeTruthy();
    expect(cold.queryByText('MQL-reif')).toBeNull();
  });

  it('sorts one column by score and keeps it in the address', async () => {
    const { callsTo } = setup();
    const mql = await screen.findByRole('region', { name: 'MQL' });
    fireEvent.click(within(mql).getByRole('radio', { name: 'Score' }));
    await waitFor(() => expect(callsTo('board.load')).toHaveLength(2));
    expect(callsTo('board.load')[1]!.input.sorts).toEqual({ mql: 'score' });
    expect(window.location.hash).toContain('byScore=mql');
    expect(within(mql).getByRole('radio', { name: 'Score' })).toHaveProperty('checked', true);
    const lead = screen.getByRole('region', { name: 'Lead' });
    expect(within(lead).getByRole('radio', { name: 'Neueste' })).toHaveProperty('checked', true);
  });

  it('filters by temperature and by "score rose in 7 days"', async () => {
    const { callsTo } = setup();
    await screen.findByRole('article', { name: 'Maria Petersen' });
    fireEvent.change(screen.getByLabelText('Temperatur'), { target: { value: 'hot' } });
    await waitFor(() => expect(callsTo('board.load')).toHaveLength(2));
    expect(callsTo('board.load')[1]!.input.filters).toEqual({ temperature: 'hot' });
    fireEvent.click(screen.getByRole('switch', { name: 'Score in 7 Tagen gestiegen' }));
    await waitFor(() => expect(callsTo('board.load')).toHaveLength(3));
    expect(callsTo('board.load')[2]!.input.filters).toEqual({
      temperature: 'hot',
      scoreRose: true,
    });
  });

  it("shows the server's refusal naming what is missing, and the card snaps back", async () => {
    const fake = fakeBridge({
      'lookups.get': () => ok({ users: [], campaigns: [] }),
      'board.load': () => ok(board([summary({ id: 'l1', stage: 'mql' })])),
      'leads.move': () => ({
        ok: false,
        error: {
          code: 'MOVE_REFUSED',
          key: 'refusal.handover_incomplete',
          message: 'handover incomplete',
          params: { missing: 'Funktion (Berufsbezeichnung), Mindestens ein genutzter Inhalt' },
        },
      }),
    });
    renderApp(<BoardPage />, fake.bridge);
    const card = await screen.findByRole('article', { name: 'Maria Petersen' });
    fireEvent.click(within(card).getByRole('button', { name: 'Verschieben nach …' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'SAL' }));
    expect(
      await screen.findByText(
        'Übergabe an den Vertrieb noch nicht möglich. Es fehlt: Funktion (Berufsbezeichnung), Mindestens ein genutzter Inhalt.',
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'MQL' })).getByRole('article', {
          name: 'Maria Petersen',
        }),
      ).toBeTruthy(),
    );
    expect(within(screen.getByRole('region', { name: 'SAL' })).queryByRole('article')).toBeNull();
  });
});

describe('edge scrolling while dragging', () => {
  it('scrolls left near the left edge, right near the right edge, not in between', () => {
    expect(edgeScrollStep(102, 100, 1500)).toBeLessThan(0);
    expect(edgeScrollStep(1498, 100, 1500)).toBeGreaterThan(0);
    expect(edgeScrollStep(800, 100, 1500)).toBe(0);
    expect(edgeScrollStep(1499, 100, 1500)).toBeGreaterThan(edgeScrollStep(1450, 100, 1500));
  });
});
