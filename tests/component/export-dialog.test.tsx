import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExportButton } from '../../src/renderer/features/export/export-button';
import { appState, fakeBridge, ok, renderApp } from './harness';

function setup(filters: Record<string, unknown>, canPickFiles = false) {
  const fake = fakeBridge({
    'leads.list': (input) =>
      ok({ rows: [], total: Object.keys(input.filters as object).length > 0 ? 12 : 1_340 }),
    'files.pick': () => ok({ path: '/home/jana/leads-2026-02-10.xlsx' }),
    'export.run': (input) => ok({ rows: input.filters ? 12 : 1_340, path: String(input.path) }),
  });
  renderApp(<ExportButton filters={filters} />, fake.bridge, { ...appState, canPickFiles });
  fireEvent.click(screen.getByRole('button', { name: 'Exportieren' }));
  return fake;
}

describe('export dialog', () => {
  it('exports the current filter as German-Excel CSV to a typed path', async () => {
    const fake = setup({ stage: 'mql' });
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByLabelText('Aktuelle Filter (12 Leads)');
    expect(within(dialog).getByLabelText('Alle Leads (1.340)')).toBeTruthy();
    expect(
      (
        within(dialog).getByLabelText(
          'Semikolon – für deutsches Excel (Standard)',
        ) as HTMLInputElement
      ).checked,
    ).toBe(true);
    const run = within(dialog).getByRole('button', { name: 'Exportieren' });
    expect(run).toHaveProperty('disabled', true);

    fireEvent.change(within(dialog).getByLabelText(/Speichern unter/), {
      target: { value: '/home/jana/mql.csv' },
    });
    fireEvent.click(run);
    await screen.findByText('12 Leads exportiert: /home/jana/mql.csv');
    expect(fake.callsTo('export.run')[0]?.input).toEqual({
      path: '/home/jana/mql.csv',
      format: 'csv',
      delimiter: ';',
      filters: { stage: 'mql' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('exports all leads to Excel through the file dialog', async () => {
    const fake = setup({ stage: 'mql' }, true);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('Excel (XLSX)'));
    expect(within(dialog).queryByText('Trennzeichen')).toBeNull();
    fireEvent.click(await within(dialog).findByLabelText('Alle Leads (1.340)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Speichern unter …' }));
    await screen.findByText('1.340 Leads exportiert: /home/jana/leads-2026-02-10.xlsx');
    expect(fake.callsTo('files.pick')[0]?.input).toEqual({
      purpose: 'export-xlsx',
      defaultName: 'leads-2026-02-10.xlsx',
    });
    expect(fake.callsTo('export.run')[0]?.input).toMatchObject({ format: 'xlsx', filters: null });
  });

  it('offers only "all leads" when no filter is set', async () => {
    setup({});
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByLabelText('Alle Leads (1.340)');
    expect(within(dialog).queryByLabelText(/Aktuelle Filter/)).toBeNull();
  });
});
