import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LeadDetailPage } from '../../src/renderer/features/lead-detail/lead-detail-page';
import { detail } from './fixtures';
import { fakeBridge, ok, renderApp } from './harness';

const lookups = () =>
  ok({ users: [{ id: 'u1', name: 'Jana Becker', initials: 'JB' }], campaigns: [] });

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
}

describe('lead form', () => {
  it('shows German messages under the fields and keeps every input', async () => {
    const { bridge, callsTo } = fakeBridge({ 'lookups.get': lookups });
    renderApp(<LeadDetailPage id={null} />, bridge);
    type('Vorname', 'Maria');
    type('E-Mail', 'maria@@schmuck');
    type('Telefon', '040 1234567');
    type('Firmenname', 'Schick und Schmuck');
    type('Erwarteter Wert (€)', '-500');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByText('Pflichtfeld')).toBeTruthy();
    expect(screen.getByText('Keine gültige E-Mail-Adresse')).toBeTruthy();
    expect(screen.getByText('Darf nicht negativ sein')).toBeTruthy();
    expect(screen.getByText('Bitte die markierten Felder prüfen.')).toBeTruthy();
    expect(callsTo('leads.create')).toHaveLength(0);

    expect(screen.getByLabelText('Vorname', { exact: false })).toHaveProperty('value', 'Maria');
    expect(screen.getByLabelText('E-Mail')).toHaveProperty('value', 'maria@@schmuck');
    expect(screen.getByLabelText('Telefon')).toHaveProperty('value', '040 1234567');
    expect(screen.getByLabelText('Firmenname')).toHaveProperty('value', 'Schick und Schmuck');
    expect(screen.getByLabelText('Erwarteter Wert (€)')).toHaveProperty('value', '-500');
  });

  it('rejects an unreadable amount and sends a valid lead in cents', async () => {
    const { bridge, callsTo } = fakeBridge({
      'lookups.get': lookups,
      'leads.create': () => ok(detail({ id: 'new1' })),
    });
    renderApp(<LeadDetailPage id={null} />, bridge);
    type('Vorname', 'Maria');
    type('Nachname', 'Petersen');
    type('Erwarteter Wert (€)', 'zwölf');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Kein gültiger Betrag')).toBeTruthy();

    type('Erwarteter Wert (€)', '12.500,50');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('leads.create')).toHaveLength(1));
    const fields = callsTo('leads.create')[0]!.input.fields as Record<string, unknown>;
    expect(fields).toMatchObject({
      firstName: 'Maria',
      lastName: 'Petersen',
      expectedValueCents: 1_250_050,
    });
  });

  it('shows server issues under their fields', async () => {
    const { bridge } = fakeBridge({
      'lookups.get': lookups,
      'leads.create': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          key: 'errors.VALIDATION',
          message: 'invalid',
          issues: [{ path: ['fields', 'company', 'name'], key: 'validation.too_long' }],
        },
      }),
    });
    renderApp(<LeadDetailPage id={null} />, bridge);
    type('Vorname', 'Maria');
    type('Nachname', 'Petersen');
    type('Firmenname', 'Schick');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const company = screen.getByLabelText('Firmenname');
    await waitFor(() => expect(company.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Zu lang')).toBeTruthy();
    expect(company).toHaveProperty('value', 'Schick');
  });

  it('explains a conflict, keeps the input, and reloads into the newer version', async () => {
    let version = 4;
    const { bridge, callsTo } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () => ok(detail({ version, notes: version > 4 ? 'von Kollegin' : '' })),
      'leads.update': () => ({
        ok: false,
        error: { code: 'CONFLICT', key: 'errors.CONFLICT', message: 'stale' },
      }),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge);
    await waitFor(() =>
      expect(screen.getByLabelText('Nachname', { exact: false })).toHaveProperty(
        'value',
        'Petersen',
      ),
    );
    type('Position', 'Office-Managerin');
    version = 5;
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const alert = await screen.findByText(/von jemand anderem geändert/);
    expect(screen.getByLabelText('Position')).toHaveProperty('value', 'Office-Managerin');

    fireEvent.click(
      within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', {
        name: 'Neu laden',
      }),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Notizen')).toHaveProperty('value', 'von Kollegin'),
    );
    expect(screen.getByLabelText('Position')).toHaveProperty('value', 'Office-Managerin');
    expect(callsTo('leads.update')[0]!.input.version).toBe(4);
  });

  it('shows a stored E.164 phone number readably and saves it back unchanged', async () => {
    const { bridge, callsTo } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () => ok(detail({ phone: '+49221987654', mobile: '+4915112345678' })),
      'leads.update': () => ok(detail({ phone: '+49221987654', mobile: '+4915112345678' })),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge);
    await waitFor(() =>
      expect(screen.getByLabelText('Telefon')).toHaveProperty('value', '+49 221 987654'),
    );
    expect(screen.getByLabelText('Mobil')).toHaveProperty('value', '+49 1511 2345678');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('leads.update')).toHaveLength(1));
    expect(callsTo('leads.update')[0]!.input.fields).toMatchObject({
      phone: '+49221987654',
      mobile: '+4915112345678',
    });
  });
});
