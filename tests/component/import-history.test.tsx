import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportBatch } from '@core/ipc/import-schemas';
import { ImportHistoryPage } from '../../src/renderer/features/import/import-history-page';
import { NOW, ok, renderApp } from './harness';
import { batch, eventBridge, job, summary } from './import-fixtures';

function setup(list: () => ImportBatch[]) {
  const fake = eventBridge({
    'imports.list': () => ok(list()),
    'imports.undo': () =>
      ok({ removed: 1_234, restored: 0, kept: [{ leadId: 'l7', name: 'Björn Weiß' }] }),
    'imports.discard': () => ok({ removed: 500, restored: 0, kept: [] }),
    'imports.resume': () => ok(job({ jobId: 'r1', dryRun: false, batchId: 'b3' })),
    'import.status': () => ok(job({ jobId: 'r1', dryRun: false, batchId: 'b3' })),
  });
  renderApp(<ImportHistoryPage />, fake.bridge);
  return fake;
}

function rowOf(fileName: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Importverlauf' });
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.textContent?.includes(fileName));
  if (!row) throw new Error(`no row for ${fileName}`);
  return row;
}

describe('import history', () => {
  it('says how to start when nothing was imported yet', async () => {
    setup(() => []);
    await screen.findByText(/Noch keine Importe/);
    expect(screen.getAllByRole('button', { name: 'Neuer Import' })).toHaveLength(2);
  });

  it('lists imports with German dates, counts and status, reloading on a change', async () => {
    let batches = [
      batch({ id: 'b1', importedAt: Date.UTC(2026, 1, 9, 14, 5), mappingName: 'Messe-Liste' }),
      batch({
        id: 'b2',
        fileName: 'webinar.xlsx',
        format: 'xlsx',
        sourceChannel: 'webinar',
        campaignName: null,
        status: 'undone',
        undoneAt: NOW - 1000,
        undoneByName: 'Tom Krause',
        canUndo: false,
        created: 3,
        filled: 0,
        suppressed: 0,
        invalid: 0,
        possibleDuplicates: 2,
      }),
    ];
    const fake = setup(() => batches);
    await screen.findByText('messe-2026.csv');
    const first = rowOf('messe-2026.csv');
    expect(first.textContent).toMatch(/09\.02\.2026, \d\d:05/);
    expect(first.textContent).toContain('Jana Becker');
    expect(first.textContent).toContain('Messe');
    expect(first.textContent).toContain('Messe 2026');
    expect(first.textContent).toContain('1.234 neu · 1 ergänzt · 1 gesperrt · 2 fehlerhaft');
    expect(first.textContent).toContain('fertig');
    expect(first.textContent).toContain('Zuordnung „Messe-Liste“');
    expect(
      within(first).getByRole('button', { name: 'Import „messe-2026.csv“ rückgängig machen' }),
    ).toBeTruthy();

    const second = rowOf('webinar.xlsx');
    expect(second.textContent).toContain('rückgängig gemacht');
    expect(second.textContent).toContain('von Tom Krause');
    expect(second.textContent).toContain('3 neu · 2 mögliche Dubletten');
    expect(second.textContent).toContain('Webinar');
    expect(within(second).queryByRole('button')).toBeNull();

    batches = [
      batch({ id: 'b9', fileName: 'neu.csv', status: 'running', rowsDone: 500, rowsTotal: 2000 }),
      ...batches,
    ];
    fake.emit('imports.changed', {});
    await screen.findByText('neu.csv');
    expect(rowOf('neu.csv').textContent).toContain('läuft');
    expect(rowOf('neu.csv').textContent).toContain('500 von 2.000 Zeilen');
  });

  it('undoes after a confirmation that names what goes, then lists the leads kept', async () => {
    const fake = setup(() => [batch({ id: 'b1', filled: 2, overwritten: 1 })]);
    await screen.findByText('messe-2026.csv');
    fireEvent.click(
      screen.getByRole('button', { name: 'Import „messe-2026.csv“ rückgängig machen' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(
      'Aus „messe-2026.csv“ werden 1.234 neu angelegte Leads entfernt und 3 ergänzte oder überschriebene Leads',
    );
    expect(fake.callsTo('imports.undo')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rückgängig machen' }));
    await within(dialog).findByText('1.234 Leads entfernt, 0 Leads wiederhergestellt.');
    expect(fake.callsTo('imports.undo')[0]?.input).toEqual({ batchId: 'b1' });
    expect(within(dialog).getByText(/nach dem Import geändert/)).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Björn Weiß' }).getAttribute('href')).toBe(
      '#/leads/l7',
    );
  });

  it('resumes or discards an interrupted import', async () => {
    const fake = setup(() => [
      batch({ id: 'b3', status: 'interrupted', canUndo: false, canResume: true, rowsDone: 500 }),
    ]);
    await screen.findByText('unterbrochen');
    const row = rowOf('messe-2026.csv');

    fireEvent.click(within(row).getByRole('button', { name: 'Verwerfen' }));
    let dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('noch nicht sichtbaren Leads werden gelöscht');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verwerfen' }));
    await within(dialog).findByText('500 Leads entfernt, 0 Leads wiederhergestellt.');
    expect(fake.callsTo('imports.discard')[0]?.input).toEqual({ batchId: 'b3' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Schließen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(within(rowOf('messe-2026.csv')).getByRole('button', { name: 'Fortsetzen' }));
    dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(fake.callsTo('imports.resume')).toHaveLength(1));
    fake.emit(
      'import.progress',
      job({
        jobId: 'r1',
        dryRun: false,
        batchId: 'b3',
        phase: 'writing',
        rowsDone: 900,
        rowsTotal: 1_240,
      }),
    );
    expect(within(dialog).getByText(/900 von 1\.240 Zeilen/)).toBeTruthy();
    fake.emit(
      'import.progress',
      job({ jobId: 'r1', dryRun: false, batchId: 'b3', status: 'done', summary: summary() }),
    );
    await within(dialog).findByText('Der Import ist abgeschlossen.');
    expect(within(dialog).getByTestId('outcome-create').textContent).toContain('1.234');
  });

  it('counts the rows kept with a warning apart from the rows left out', async () => {
    setup(() => [
      batch({ id: 'b5', fileName: 'lotus.vcf', invalid: 1, warnings: 3, warningRows: 2 }),
    ]);
    await screen.findByText('lotus.vcf');
    expect(rowOf('lotus.vcf').textContent).toContain(
      '1 fehlerhaft · 2 mit Warnung (Werte in den Notizen)',
    );
  });
});
