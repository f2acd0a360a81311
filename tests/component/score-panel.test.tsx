import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LeadDetailPage } from '../../src/renderer/features/lead-detail/lead-detail-page';
import { detail, score } from './fixtures';
import { fakeBridge, NOW, ok, renderApp } from './harness';

const DAY = 24 * 60 * 60 * 1000;

function setup(extra: Parameters<typeof detail>[1] = {}) {
  const fake = fakeBridge({
    'lookups.get': () => ok({ users: [], campaigns: [] }),
    'content.list': () => ok([]),
    'leads.get': () => ok(detail({}, extra)),
  });
  renderApp(<LeadDetailPage id="l1" />, fake.bridge);
  return fake;
}

const points = (element: Element) => Number(element.getAttribute('data-value'));

describe('score panel', () => {
  it('shows fit, engagement, total, temperature with its basis and the 7-day change', async () => {
    setup();
    const panel = await screen.findByRole('region', { name: 'Score' });
    expect(within(panel).getByTestId('score-fit').textContent).toBe('5');
    expect(within(panel).getByTestId('score-engagement').textContent).toBe('8');
    expect(within(panel).getByTestId('score-total').textContent).toBe('13');
    expect(within(panel).getByTestId('temperature').textContent).toBe('kalt');
    expect(within(panel).getByText('nach Score')).toBeTruthy();
    expect(within(panel).getByTestId('score-delta').textContent).toBe('▲ 2');
    expect(within(panel).queryByText('MQL-reif')).toBeNull();
  });

  it('says "heiß nach BANT" and "MQL-reif" when the detail says so', async () => {
    setup({
      score: score({ temperature: 'hot', temperatureBasis: 'bant', mqlReady: true, delta7d: -3 }),
    });
    const panel = await screen.findByRole('region', { name: 'Score' });
    expect(within(panel).getByTestId('temperature').textContent).toBe('heiß');
    expect(within(panel).getByText('nach BANT')).toBeTruthy();
    expect(within(panel).getByText('MQL-reif')).toBeTruthy();
    expect(within(panel).getByTestId('score-delta').textContent).toBe('▼ 3');
  });

  it('explains the score: the lines of each axis add up to the axis total shown', async () => {
    setup();
    const panel = await screen.findByRole('region', { name: 'Score' });
    for (const axis of ['fit', 'engagement'] as const) {
      const group = within(panel).getByTestId(`axis-${axis}`);
      const shown = points(within(group).getByTestId('axis-total'));
      const lines = within(group).getAllByTestId('contribution-value').map(points);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.reduce((sum, value) => sum + value, 0)).toBe(shown);
      expect(shown).toBe(axis === 'fit' ? 5 : 8);
    }
  });

  it('words each line: rule, source with date and content, decay, capped; biggest first', async () => {
    setup();
    const engagement = within(await screen.findByTestId('axis-engagement'));
    const rows = engagement.getAllByTestId('contribution');
    expect(
      rows.map((row) => row.querySelector('[data-testid="contribution-value"]')?.textContent),
    ).toEqual(['+6', '+2', '0']);
    const download = within(rows[0]!);
    expect(download.getByText('Download: E-Book')).toBeTruthy();
    const day = (at: number) =>
      new Date(at).toLocaleDateString('de-DE', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      });
    expect(
      download.getByText(`Download am ${day(NOW - 30 * DAY)} · „Telefonie für den Handel“`),
    ).toBeTruthy();
    // The rule already names the kind; the source only adds the date.
    expect(within(rows[1]!).getByText('Newsletter geöffnet')).toBeTruthy();
    expect(within(rows[1]!).getByText(`am ${day(NOW - DAY)}`)).toBeTruthy();
    expect(download.getByText('nach Alterung 6 von 12 (50 %)')).toBeTruthy();
    expect(within(rows[2]!).getByText('über dem Limit der Regel, zählt nicht')).toBeTruthy();

    const fit = within(screen.getByTestId('axis-fit'));
    const fitRows = fit.getAllByTestId('contribution');
    expect(within(fitRows[0]!).getByText('Berufsbezeichnung angegeben')).toBeTruthy();
    expect(within(fitRows[0]!).getByText('aus den Angaben zum Lead')).toBeTruthy();
    expect(
      within(fitRows[1]!).getByText(
        'Rolle im Buying Center: Assistenz (ohne Entscheidungsbefugnis)',
      ),
    ).toBeTruthy();
  });

  it('shows the topic profile as labelled shares', async () => {
    setup();
    expect(await screen.findByRole('progressbar', { name: 'Telefonanlagen: 75 %' })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Netzwerk: 25 %' })).toBeTruthy();
  });

  it('lists what is missing for the handover and for SQL, or says all is met', async () => {
    setup();
    const readiness = await screen.findByRole('region', { name: 'Übergabe an den Vertrieb' });
    const handover = within(within(readiness).getByTestId('readiness-handover'));
    expect(handover.getByText('Firma')).toBeTruthy();
    expect(handover.getByText('Position im Buying Center')).toBeTruthy();
    const sql = within(within(readiness).getByTestId('readiness-sql'));
    expect(sql.getByText('Entscheidungsbefugnis')).toBeTruthy();
  });

  it('says "Alle Kriterien erfüllt" when nothing is missing', async () => {
    setup({ gates: { handover: [], bant: [] } });
    const readiness = await screen.findByRole('region', { name: 'Übergabe an den Vertrieb' });
    await waitFor(() =>
      expect(within(readiness).getAllByText(/Alle Kriterien erfüllt/)).toHaveLength(2),
    );
  });
});
