import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '@core/ipc/result';
import { LeadDetailPage } from '../../src/renderer/features/lead-detail/lead-detail-page';
import { detail } from './fixtures';
import { fakeBridge, ok, renderApp } from './harness';

/** The error value main sends when the disk of the file is full (see sqlite-errors). */
const DISK_FULL: Result<never> = {
  ok: false,
  error: {
    code: 'DB_FULL',
    key: 'errors.DB_FULL',
    message: 'The drive of “team.sqlite” (/data) is full.',
    params: { file: 'team.sqlite', folder: '/data' },
  },
};

const lookups = () =>
  ok({ users: [{ id: 'u1', name: 'Jana Becker', initials: 'JB' }], campaigns: [] });

const TYPED: Record<string, string> = {
  Vorname: 'Maria',
  Nachname: 'Petersen',
  'E-Mail': 'maria@schick-schmuck.de',
  Telefon: '040 1234567',
  Position: 'Inhaberin',
  Firmenname: 'Schick und Schmuck',
  Ort: 'Hamburg',
  'Erwarteter Wert (€)': '12.500',
  Notizen: 'Messe Hamburg, Stand 4: will Preise für 200 Ketten.',
};

/** A field by its label; the required last name's label carries a marker. */
const field = (label: string) =>
  screen.getByLabelText(label, { exact: label !== 'Nachname' && label !== 'Vorname' });

function typeAll() {
  for (const [label, value] of Object.entries(TYPED)) {
    fireEvent.change(field(label), { target: { value } });
  }
}

function expectEverythingTyped() {
  for (const [label, value] of Object.entries(TYPED)) {
    expect(field(label), label).toHaveProperty('value', value);
  }
}

describe('lead form when the disk is full', () => {
  it('says so in German, keeps every typed value, and saves once there is space again', async () => {
    let full = true;
    const { bridge, callsTo } = fakeBridge({
      'lookups.get': lookups,
      'leads.create': () => (full ? DISK_FULL : ok(detail({ id: 'new1' }))),
    });
    renderApp(<LeadDetailPage id={null} />, bridge);
    typeAll();
    const scrolled = vi.spyOn(window.HTMLElement.prototype, 'scrollIntoView');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    const alert = await screen.findByText(/ist kein Platz mehr/);
    // Saved from the bottom of a long form: the message is brought into view.
    await waitFor(() => expect(scrolled).toHaveBeenCalled());
    const targets = scrolled.mock.contexts as HTMLElement[];
    expect(targets.some((element) => element.contains(alert))).toBe(true);
    scrolled.mockRestore();
    expect(alert.textContent).toBe(
      'Auf dem Laufwerk von „team.sqlite“ (/data) ist kein Platz mehr. Nichts wurde gespeichert, Ihre Eingaben bleiben erhalten. Bitte dort Speicherplatz freigeben und erneut speichern.',
    );
    expectEverythingTyped();
    expect(screen.getByRole('button', { name: 'Speichern' })).toHaveProperty('disabled', false);

    full = false;
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('leads.create')).toHaveLength(2));
    expect(callsTo('leads.create')[1]!.input.fields).toMatchObject({
      firstName: 'Maria',
      lastName: 'Petersen',
      email: 'maria@schick-schmuck.de',
      notes: TYPED.Notizen,
      expectedValueCents: 1_250_000,
    });
    await waitFor(() => expect(screen.queryByText(/ist kein Platz mehr/)).toBeNull());
    expect(await screen.findByText('Gespeichert.')).toBeTruthy();
  });

  it('keeps an edit of a stored lead the same way', async () => {
    let full = true;
    const { bridge, callsTo } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () => ok(detail({})),
      'leads.update': () => (full ? DISK_FULL : ok(detail({ jobTitle: 'Inhaberin', version: 5 }))),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge);
    await waitFor(() =>
      expect(screen.getByLabelText('Nachname', { exact: false })).toHaveProperty(
        'value',
        'Petersen',
      ),
    );
    fireEvent.change(screen.getByLabelText('Position'), { target: { value: 'Inhaberin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText(/ist kein Platz mehr/)).toBeTruthy();
    expect(screen.getByLabelText('Position')).toHaveProperty('value', 'Inhaberin');

    full = false;
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('leads.update')).toHaveLength(2));
    expect(callsTo('leads.update')[1]!.input).toMatchObject({
      version: 4,
      fields: { jobTitle: 'Inhaberin' },
    });
    await waitFor(() => expect(screen.queryByText(/ist kein Platz mehr/)).toBeNull());
  });
});
