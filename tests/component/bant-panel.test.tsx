import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Bant } from '@core/scoring/bant';
import { EMPTY_BANT } from '@core/scoring/bant';
import { LeadDetailPage } from '../../src/renderer/features/lead-detail/lead-detail-page';
import { detail, score } from './fixtures';
import { fakeBridge, ok, renderApp } from './harness';

const conflict = () => ({
  ok: false as const,
  error: { code: 'CONFLICT' as const, key: 'errors.CONFLICT', message: 'stale' },
});

async function bantPanel() {
  return within(await screen.findByRole('region', { name: 'BANT-Qualifizierung' }));
}

function setup(handlers: Parameters<typeof fakeBridge>[0] = {}, bantVersion = 3) {
  const fake = fakeBridge({
    'lookups.get': () => ok({ users: [], campaigns: [] }),
    'content.list': () => ok([]),
    'leads.get': () => ok(detail({}, { bantVersion })),
    ...handlers,
  });
  renderApp(<LeadDetailPage id="l1" />, fake.bridge);
  return fake;
}

const saveButton = (panel: Awaited<ReturnType<typeof bantPanel>>) =>
  panel.getByRole('button', { name: 'BANT speichern' });

describe('BANT panel', () => {
  it('reads a German range, sends it in cents with the BANT version, and shows the result', async () => {
    const saved: Bant = {
      ...EMPTY_BANT,
      budgetStatus: 'range',
      budgetCents: 1_250_050,
      budgetMaxCents: 2_000_000,
      authority: 'none',
      deciderName: 'Herr Schick',
      need: 'confirmed',
      needText: 'Telefonanlage für sieben Filialen',
      timing: '2026-09',
    };
    const { callsTo } = setup({
      'bant.update': () =>
        ok(
          detail(
            {},
            {
              bant: saved,
              bantVersion: 4,
              score: score({ temperature: 'hot', temperatureBasis: 'bant' }),
              gates: { handover: [], bant: [] },
            },
          ),
        ),
    });
    const panel = await bantPanel();
    fireEvent.change(panel.getByLabelText('Budget'), { target: { value: 'range' } });
    fireEvent.change(panel.getByLabelText(/^Von \(€\)/), { target: { value: '12.500,50' } });
    fireEvent.change(panel.getByLabelText(/^Bis \(€\)/), { target: { value: '20.000' } });
    fireEvent.change(panel.getByLabelText('Entscheidungsbefugnis'), { target: { value: 'none' } });
    fireEvent.change(panel.getByLabelText('Wer entscheidet?'), {
      target: { value: 'Herr Schick' },
    });
    fireEvent.change(panel.getByLabelText('Bedarf'), { target: { value: 'confirmed' } });
    fireEvent.change(panel.getByLabelText('Was wird gebraucht?'), {
      target: { value: 'Telefonanlage für sieben Filialen' },
    });
    // Typed the German way; sent as the contract's `YYYY-MM`.
    fireEvent.change(panel.getByLabelText('Geplanter Kaufmonat'), {
      target: { value: '09.2026' },
    });
    fireEvent.click(saveButton(panel));

    await waitFor(() => expect(callsTo('bant.update')).toHaveLength(1));
    expect(callsTo('bant.update')[0]!.input).toEqual({
      leadId: 'l1',
      version: 3,
      bant: {
        budgetStatus: 'range',
        budgetCents: 1_250_050,
        budgetMaxCents: 2_000_000,
        authority: 'none',
        deciderName: 'Herr Schick',
        need: 'confirmed',
        needText: 'Telefonanlage für sieben Filialen',
        timing: '2026-09',
      },
    });
    const scorePanel = within(screen.getByRole('region', { name: 'Score' }));
    await waitFor(() => expect(scorePanel.getByTestId('temperature').textContent).toBe('heiß'));
    expect(scorePanel.getByText('nach BANT')).toBeTruthy();
  });

  it('refuses an unreadable amount and a range ending below its start, keeping the input', async () => {
    const { callsTo } = setup();
    const panel = await bantPanel();
    fireEvent.change(panel.getByLabelText('Budget'), { target: { value: 'range' } });
    fireEvent.change(panel.getByLabelText(/^Von \(€\)/), { target: { value: 'zwanzigtausend' } });
    fireEvent.click(saveButton(panel));
    expect(await panel.findByText('Kein gültiger Betrag')).toBeTruthy();
    expect(panel.getByText('Pflichtfeld')).toBeTruthy();

    fireEvent.change(panel.getByLabelText(/^Von \(€\)/), { target: { value: '20.000' } });
    fireEvent.change(panel.getByLabelText(/^Bis \(€\)/), { target: { value: '5.000' } });
    fireEvent.click(saveButton(panel));
    expect(await panel.findByText('Das Ende muss über dem Anfang liegen')).toBeTruthy();
    expect(panel.queryByText('Kein gültiger Betrag')).toBeNull();
    expect(callsTo('bant.update')).toHaveLength(0);
    expect(panel.getByLabelText(/^Von \(€\)/)).toHaveProperty('value', '20.000');
    expect(panel.getByLabelText(/^Bis \(€\)/)).toHaveProperty('value', '5.000');
  });

  it('shows server issues under their fields', async () => {
    setup({
      'bant.update': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          key: 'errors.VALIDATION',
          message: 'invalid',
          issues: [{ path: ['bant', 'timing'], key: 'validation.month' }],
        },
      }),
    });
    const panel = await bantPanel();
    fireEvent.change(panel.getByLabelText('Bedarf'), { target: { value: 'confirmed' } });
    fireEvent.click(saveButton(panel));
    expect(await panel.findByText('Bitte einen Monat wählen')).toBeTruthy();
  });

  it('explains a conflict, keeps the typed text and saves again with the newer version', async () => {
    let version = 3;
    const { callsTo } = setup({
      'leads.get': () =>
        ok(
          detail(
            {},
            {
              bantVersion: version,
              bant: version > 3 ? { ...EMPTY_BANT, timing: '2026-11' } : EMPTY_BANT,
            },
          ),
        ),
      'bant.update': (input) =>
        input.version === 4 ? ok(detail({}, { bantVersion: 5 })) : conflict(),
    });
    const panel = await bantPanel();
    fireEvent.change(panel.getByLabelText('Was wird gebraucht?'), {
      target: { value: 'Neue Telefonanlage' },
    });
    version = 4;
    fireEvent.click(saveButton(panel));
    const alert = await panel.findByText(/von jemand anderem geändert/);
    expect(panel.getByLabelText('Was wird gebraucht?')).toHaveProperty(
      'value',
      'Neue Telefonanlage',
    );
    fireEvent.click(
      within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', {
        name: 'Neu laden',
      }),
    );
    await waitFor(() =>
      expect(panel.getByLabelText('Geplanter Kaufmonat')).toHaveProperty('value', '11.2026'),
    );
    expect(panel.getByLabelText('Was wird gebraucht?')).toHaveProperty(
      'value',
      'Neue Telefonanlage',
    );
    fireEvent.click(saveButton(panel));
    await waitFor(() => expect(callsTo('bant.update')).toHaveLength(2));
    expect(callsTo('bant.update').map((call) => call.input.version)).toEqual([3, 4]);
    expect(callsTo('bant.update')[1]!.input.bant).toMatchObject({
      needText: 'Neue Telefonanlage',
      timing: '2026-11',
    });
  });
});
