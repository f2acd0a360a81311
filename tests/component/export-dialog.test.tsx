import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppState } from '@core/ipc/contract';
import type { Result } from '@core/ipc/result';
import { ExportButton } from '../../src/renderer/shared/export/export-button';
import { appState, browserState, fakeBridge, fakeTransfers, ok, renderApp } from './harness';

type Input = Record<string, unknown>;

const exists: Result<never> = {
  ok: false,
  error: {
    code: 'FILE_EXISTS',
    key: 'errors.FILE_EXISTS',
    message: 'exists',
    params: { file: 'leads-2026-02-10.xlsx' },
  },
};

function setup(
  filters: Record<string, unknown>,
  options: {
    state?: AppState;
    picked?: { path: string | null; replaceConfirmed: boolean };
    run?: (input: Input) => Result<unknown> | undefined;
  } = {},
) {
  const fake = fakeBridge({
    'leads.list': (input) =>
      ok({ rows: [], total: Object.keys(input.filters as object).length > 0 ? 12 : 1_340 }),
    'files.pick': () =>
      ok(options.picked ?? { path: '/home/jana/leads-2026-02-10.xlsx', replaceConfirmed: false }),
    'export.run': (input) =>
      options.run?.(input) ??
      ok({
        rows: input.filters ? 12 : 1_340,
        path: String(input.path),
        download:
          options.state?.fileAccess === 'transfers'
            ? { url: '/download/abc', fileName: String(input.path) }
            : null,
      }),
  });
  const files = fakeTransfers();
  renderApp(
    <ExportButton filters={filters} />,
    fake.bridge,
    options.state ?? { ...appState, canPickFiles: true },
    options.state?.fileAccess === 'transfers' ? files.transfers : null,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Exportieren' }));
  return { ...fake, downloads: files.downloads };
}

describe('export dialog', () => {
  it('exports the current filter as German-Excel CSV download in the browser', async () => {
    const fake = setup({ stage: 'mql' }, { state: browserState });
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
    // No path to type: the browser downloads the file.
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Herunterladen' }));
    await screen.findByText('12 Leads exportiert: leads-2026-02-10.csv');
    expect(fake.callsTo('files.pick')).toEqual([]);
    expect(fake.callsTo('export.run')[0]?.input).toEqual({
      path: 'leads-2026-02-10.csv',
      overwrite: false,
      format: 'csv',
      delimiter: ';',
      filters: { stage: 'mql' },
    });
    expect(fake.downloads).toEqual([{ url: '/download/abc', fileName: 'leads-2026-02-10.csv' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('exports all leads to Excel through the file dialog', async () => {
    const fake = setup({ stage: 'mql' });
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
    expect(fake.callsTo('export.run')[0]?.input).toMatchObject({
      format: 'xlsx',
      filters: null,
      overwrite: false,
    });
  });

  it('passes overwrite when the save dialog already asked about replacing the file', async () => {
    const fake = setup(
      {},
      { picked: { path: '/home/jana/leads-2026-02-10.xlsx', replaceConfirmed: true } },
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Speichern unter …' }));
    await screen.findByText('1.340 Leads exportiert: /home/jana/leads-2026-02-10.xlsx');
    expect(fake.callsTo('export.run').map((call) => call.input.overwrite)).toEqual([true]);
  });

  it('asks "Datei ersetzen?" when the file exists and writes again only when confirmed', async () => {
    const fake = setup({}, { run: (input) => (input.overwrite ? undefined : exists) });
    const dialog = await screen.findByRole('dialog', { name: 'Leads exportieren' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Speichern unter …' }));
    const question = await screen.findByRole('dialog', { name: 'Datei ersetzen?' });
    expect(question.textContent).toContain(
      'Die Datei „leads-2026-02-10.xlsx“ gibt es schon. Soll sie ersetzt werden?',
    );
    fireEvent.click(within(question).getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Datei ersetzen?' })).toBeNull(),
    );
    expect(fake.callsTo('export.run').map((call) => call.input.overwrite)).toEqual([false]);
    expect(screen.queryByText(/Leads exportiert/)).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Speichern unter …' }));
    const again = await screen.findByRole('dialog', { name: 'Datei ersetzen?' });
    fireEvent.click(within(again).getByRole('button', { name: 'Ersetzen' }));
    await screen.findByText('1.340 Leads exportiert: /home/jana/leads-2026-02-10.xlsx');
    expect(fake.callsTo('export.run').map((call) => call.input.overwrite)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('shows a refused target in the dialog', async () => {
    setup(
      {},
      {
        run: () => ({
          ok: false,
          error: {
            code: 'FILE_TARGET_REFUSED',
            key: 'errors.FILE_TARGET_REFUSED',
            message: 'refused',
            params: { file: 'team.sqlite' },
          },
        }),
      },
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Speichern unter …' }));
    await within(dialog).findByText(/„team\.sqlite“ ist eine Datenbankdatei/);
  });

  it('offers only "all leads" when no filter is set', async () => {
    setup({});
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByLabelText('Alle Leads (1.340)');
    expect(within(dialog).queryByLabelText(/Aktuelle Filter/)).toBeNull();
  });
});
