import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportInspection, ImportJob } from '@core/ipc/import-schemas';
import type { Result } from '@core/ipc/result';
import { ImportPage } from '../../src/renderer/features/import/import-page';
import { appState, browserState, fakeTransfers, ok, renderApp } from './harness';
import { eventBridge, inspection, job, summary } from './import-fixtures';

type Input = Record<string, unknown>;

const CAMPAIGNS = [{ id: 'c1', name: 'Webinar Frühjahr', channel: 'webinar' as const }];
const USERS = [{ id: 'u1', name: 'Jana Becker', initials: 'JB' }];

/**
 * A wizard against a fake main: `import.inspect` answers with `file` (or what `inspect`
 * returns for the read options) under the name it was asked for, as main does;
 * `import.start` hands out job ids j1, j2, … that the test drives with `import.progress`
 * events. In the browser (the default) files are uploaded through fake transfers (handles
 * `upload:1`, …); `dialog: true` is Electron with its file dialog.
 */
function setup(
  options: {
    file?: ImportInspection;
    inspect?: (input: Input) => Result<ImportInspection>;
    start?: (input: Input) => Result<ImportJob> | undefined;
    dialog?: boolean;
    uploadFails?: Result<never>;
  } = {},
) {
  const file = options.file ?? inspection();
  let jobs = 0;
  const started: Record<string, ImportJob> = {};
  const fake = eventBridge({
    'lookups.get': () => ok({ users: USERS, campaigns: CAMPAIGNS }),
    'mappings.list': () =>
      ok([
        {
          id: 'm1',
          name: 'Messe-Liste',
          mapping: { Vorname: 'firstName', Nachname: 'lastName', Potenzial: null, Firma: null },
          updatedAt: 0,
        },
      ]),
    'mappings.save': (input) =>
      ok({ id: 'm2', name: String(input.name), mapping: {}, updatedAt: 0 }),
    'import.inspect': (input) => {
      const answer = options.inspect?.(input) ?? ok(file);
      return answer.ok ? ok({ ...answer.value, path: String(input.path) }) : answer;
    },
    'files.pick': () => ok({ path: '/daten/messe-2026.csv', replaceConfirmed: false }),
    'import.saveRejected': (input) =>
      ok({
        rows: 2,
        path: String(input.path),
        download: { url: '/download/d1', fileName: String(input.path) },
      }),
    'import.start': (input) => {
      const custom = options.start?.(input);
      if (custom) return custom;
      jobs += 1;
      const created = job({ jobId: `j${jobs}`, dryRun: input.dryRun === true });
      started[created.jobId] = created;
      return ok(created);
    },
    'import.status': (input) => ok(started[String(input.jobId)]),
    'import.cancel': (input) => ok({ ...started[String(input.jobId)], status: 'cancelled' }),
    'imports.undo': () =>
      ok({ removed: 1234, restored: 1, kept: [{ leadId: 'l7', name: 'Björn Weiß' }] }),
  });
  const files = fakeTransfers(options.uploadFails ? { failWith: options.uploadFails } : {});
  if (options.dialog) renderApp(<ImportPage />, fake.bridge, { ...appState, canPickFiles: true });
  else renderApp(<ImportPage />, fake.bridge, browserState, files.transfers);
  const starts = () => fake.callsTo('import.start').map((call) => call.input);
  return { ...fake, starts, uploads: files.uploads, downloads: files.downloads };
}

/** Chooses a file in the browser's file chooser (it is uploaded), without waiting. */
function chooseFile(name = 'messe-2026.csv') {
  const file = new File(['Vorname;Nachname\r\nJördis;Müller\r\n'], name, { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('Datei hochladen'), { target: { files: [file] } });
  return file;
}

/** Uploads the file and waits until the wizard has read it. */
async function readFile() {
  chooseFile();
  await screen.findByText('messe-2026.csv');
}

/** The campaign field (its suggestion list carries the same label). */
function campaignField(): HTMLInputElement {
  const field = screen
    .getAllByLabelText('Kampagne (optional)')
    .find((element): element is HTMLInputElement => element instanceof HTMLInputElement);
  if (!field) throw new Error('no campaign field');
  return field;
}

function next(name = 'Weiter') {
  fireEvent.click(screen.getByRole('button', { name }));
}

/** Through file, mapping and options (source "Messe", campaign "Messe 2026") to the preview. */
async function toPreview() {
  await readFile();
  next();
  await screen.findByRole('table', { name: 'Spalten zuordnen' });
  next();
  fireEvent.change(screen.getByLabelText(/^Quelle/), { target: { value: 'trade_fair' } });
  const campaign = campaignField();
  campaign.focus();
  fireEvent.change(campaign, { target: { value: 'Messe 2026' } });
  next('Weiter zur Vorschau');
  await screen.findByText('Die Datei wird geprüft …');
}

/** Finishes the newest job with a result. */
async function finish(
  fake: ReturnType<typeof setup>,
  done: Partial<ImportJob> = {},
): Promise<void> {
  await waitFor(() => expect(fake.starts().length).toBeGreaterThan(0));
  const id = `j${fake.starts().length}`;
  fake.emit(
    'import.progress',
    job({ jobId: id, status: 'done', phase: 'finishing', summary: summary(), ...done }),
  );
}

describe('import wizard', () => {
  it('uploads the chosen file and shows how it was read, re-reading on an override', async () => {
    const fake = setup({
      inspect: (input) =>
        ok(
          input.delimiter === ','
            ? inspection({ delimiter: ',', headers: ['Name;Firma'], sampleRows: [['A;B']] })
            : inspection(),
        ),
    });
    // No server path to type: the browser uploads the file.
    expect(screen.queryByRole('textbox')).toBeNull();
    const file = chooseFile();
    await screen.findByText('messe-2026.csv');
    expect(fake.uploads).toEqual([file]);
    expect(fake.callsTo('files.pick')).toEqual([]);
    expect(fake.callsTo('import.inspect')[0]?.input).toEqual({ path: 'upload:1' });
    expect(screen.getByText('2,3 MB')).toBeTruthy();
    expect((screen.getByLabelText('Zeichensatz') as HTMLSelectElement).value).toBe('windows-1252');
    expect((screen.getByLabelText('Trennzeichen') as HTMLSelectElement).value).toBe(';');
    const sample = screen.getByRole('table', { name: /ersten Zeilen/ });
    expect(within(sample).getByText('Bäckerei Müller GmbH')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Trennzeichen'), { target: { value: ',' } });
    await screen.findByText('A;B');
    expect(fake.callsTo('import.inspect')[1]?.input).toMatchObject({
      path: 'upload:1',
      delimiter: ',',
      encoding: 'windows-1252',
      hasHeader: true,
    });
  });

  it('says why an upload failed and reads nothing', async () => {
    const fake = setup({
      uploadFails: {
        ok: false,
        error: {
          code: 'FILE_UNREADABLE',
          key: 'files.uploadTooLarge',
          message: 'too large',
          params: { file: 'riesig.csv', max: 512 },
        },
      },
    });
    chooseFile('riesig.csv');
    await screen.findByText(
      'Die Datei „riesig.csv“ ist zu groß zum Hochladen (höchstens 512 MB). Bitte die Liste aufteilen.',
    );
    expect(fake.callsTo('import.inspect')).toEqual([]);
    expect((screen.getByRole('button', { name: 'Weiter' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('chooses the file through the native dialog in the desktop app', async () => {
    const fake = setup({ dialog: true });
    expect(screen.queryByLabelText('Datei hochladen')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Datei wählen …' }));
    await screen.findByText('messe-2026.csv');
    expect(fake.callsTo('files.pick')[0]?.input).toEqual({ purpose: 'import' });
    expect(fake.callsTo('import.inspect')[0]?.input).toEqual({ path: '/daten/messe-2026.csv' });
  });

  it('downloads the rows a dry run left out in the browser', async () => {
    const fake = setup();
    await toPreview();
    await finish(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Ausgelassene Zeilen speichern …' }));
    await screen.findByText('2 ausgelassene Zeilen gespeichert: messe-2026-ausgelassen.csv');
    expect(fake.callsTo('import.saveRejected')[0]?.input).toEqual({
      jobId: 'j1',
      path: 'messe-2026-ausgelassen.csv',
      overwrite: false,
    });
    expect(fake.downloads).toEqual([
      { url: '/download/d1', fileName: 'messe-2026-ausgelassen.csv' },
    ]);
  });

  it('warns on the first step when the same file was imported before', async () => {
    setup({
      file: inspection({
        previousImport: {
          batchId: 'b1',
          fileName: 'messe-2026.csv',
          importedAt: Date.UTC(2026, 0, 15, 10, 30),
          userName: 'Tom Krause',
        },
      }),
    });
    await readFile();
    expect(
      screen.getByText(/am 15\.01\.2026, \d\d:30 von Tom Krause schon importiert/),
    ).toBeTruthy();
  });

  it('edits the mapping: suggestions preselected, used fields disabled, name warning', async () => {
    setup({ file: inspection({ presetId: 'outlook_de' }) });
    await readFile();
    next();
    await screen.findByText('Erkannt: Outlook-Kontakte (deutsch)');

    const firstName = screen.getByLabelText('Übernehmen als: Vorname') as HTMLSelectElement;
    expect(firstName.value).toBe('firstName');
    expect((screen.getByLabelText('Übernehmen als: Potenzial') as HTMLSelectElement).value).toBe(
      'expectedValue',
    );
    // A field another column has is not offered twice.
    const company = screen.getByLabelText('Übernehmen als: Firma') as HTMLSelectElement;
    const option = (select: HTMLSelectElement, value: string) =>
      [...select.options].find((o) => o.value === value);
    expect(option(company, 'firstName')?.disabled).toBe(true);
    expect(option(company, 'companyName')?.disabled).toBe(false);
    expect(screen.getByText('7 von 7 Spalten werden übernommen.')).toBeTruthy();
    expect(screen.queryByText('Kein Name zugeordnet')).toBeNull();

    fireEvent.change(firstName, { target: { value: '' } });
    expect(screen.getByText('Kein Name zugeordnet')).toBeTruthy();
    expect(option(company, 'firstName')?.disabled).toBe(false);

    // A full-name column is enough.
    fireEvent.change(screen.getByLabelText('Übernehmen als: Nachname'), {
      target: { value: 'fullName' },
    });
    expect(screen.queryByText('Kein Name zugeordnet')).toBeNull();
    expect(screen.getByText('6 von 7 Spalten werden übernommen.')).toBeTruthy();
  });

  it('loads a saved mapping and saves the current one under a name', async () => {
    const fake = setup();
    await readFile();
    next();
    await screen.findByRole('table', { name: 'Spalten zuordnen' });
    await waitFor(() => expect(screen.getByRole('option', { name: 'Messe-Liste' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Zuordnung laden'), { target: { value: 'saved:m1' } });
    expect((screen.getByLabelText('Übernehmen als: Firma') as HTMLSelectElement).value).toBe('');
    expect(
      (screen.getByLabelText('Übernehmen als: E-Mail-Adresse') as HTMLSelectElement).value,
    ).toBe('');
    expect((screen.getByLabelText('Übernehmen als: Vorname') as HTMLSelectElement).value).toBe(
      'firstName',
    );
    expect(screen.getByText('2 von 7 Spalten werden übernommen.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Übernehmen als: E-Mail-Adresse'), {
      target: { value: 'email' },
    });
    fireEvent.change(screen.getByLabelText('Zuordnung speichern als'), {
      target: { value: 'Messe-Liste mit E-Mail' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await screen.findByText('Zuordnung „Messe-Liste mit E-Mail“ gespeichert.');
    expect(fake.callsTo('mappings.save')[0]?.input).toEqual({
      name: 'Messe-Liste mit E-Mail',
      mapping: {
        Anrede: null,
        Vorname: 'firstName',
        Nachname: 'lastName',
        Firma: null,
        'E-Mail-Adresse': 'email',
        Telefon: null,
        Potenzial: null,
      },
    });
  });

  it('requires a source channel before the preview and says when a campaign is new', async () => {
    const fake = setup();
    await readFile();
    next();
    next();
    await screen.findByText('Optionen für alle Zeilen');
    next('Weiter zur Vorschau');
    expect(screen.getByText(/Bitte eine Quelle wählen/)).toBeTruthy();
    expect(screen.getByText('Optionen für alle Zeilen')).toBeTruthy();
    expect(fake.starts()).toHaveLength(0);

    const campaign = campaignField();
    campaign.focus();
    fireEvent.change(campaign, { target: { value: 'webinar frühjahr' } });
    expect(screen.queryByText(/gibt es noch nicht/)).toBeNull();
    fireEvent.change(campaign, { target: { value: 'Messe 2026' } });
    expect(
      screen.getByText(
        'Die Kampagne „Messe 2026“ gibt es noch nicht; sie wird beim Import angelegt.',
      ),
    ).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Quelle/), { target: { value: 'trade_fair' } });
    expect(screen.queryByText(/Bitte eine Quelle wählen/)).toBeNull();
    next('Weiter zur Vorschau');
    await waitFor(() => expect(fake.starts()).toHaveLength(1));
    expect(fake.starts()[0]).toMatchObject({
      path: 'upload:1',
      dryRun: true,
      options: {
        sourceChannel: 'trade_fair',
        campaignName: 'Messe 2026',
        ownerId: null,
        onDuplicate: 'fill',
        skipInvalid: true,
        confirmRepeat: false,
        duplicateOverrides: [],
        encoding: 'windows-1252',
        delimiter: ';',
      },
    });
  });

  it('shows the dry run: progress, counts, stored rows and the German error list', async () => {
    const fake = setup();
    await toPreview();
    await waitFor(() => expect(fake.starts()).toHaveLength(1));
    fake.emit('import.progress', job({ rowsDone: 620, rowsTotal: 1_240, bytesDone: 1 }));
    expect(screen.getByText(/620 von 1\.240 Zeilen \(50\s%\)/)).toBeTruthy();

    await finish(fake);
    expect(screen.getByTestId('outcome-create').textContent).toContain('1.234');
    expect(screen.getByTestId('outcome-invalid').textContent).toContain('2');
    expect(screen.getByTestId('outcome-suppressed').textContent).toContain(
      'Gesperrt (nicht kontaktieren)',
    );
    const stored = screen.getByRole('table', { name: 'So werden die ersten Zeilen gespeichert' });
    const row = within(stored).getAllByRole('row')[1];
    if (!row) throw new Error('no preview row');
    expect(row.textContent).toContain('Frau Jördis Müller');
    expect(row.textContent).toContain('+49 221 987654');
    // Cents as stored, not rounded to whole euros.
    expect(row.textContent).toMatch(/1\.234,56\s€/);
    expect(row.textContent).toContain('31.03.2026');
    expect(row.textContent).toContain('50667 Köln');
    expect(row.textContent).toContain('Messe');
    expect(row.textContent).toContain('Messe 2026');

    const issues = screen.getByRole('table', { name: 'Fehler und Warnungen' });
    const first = within(issues).getAllByRole('row')[1];
    expect(first?.textContent).toContain('7');
    expect(first?.textContent).toContain('Abschluss');
    expect(first?.textContent).toContain('32.13.2026');
    expect(first?.textContent).toContain(
      'Ungültiges Datum „32.13.2026“ in Spalte „Abschluss“ (erwartet TT.MM.JJJJ)',
    );
    expect(screen.getByText('Fehler und Warnungen (2)')).toBeTruthy();
  });

  it('pages a long error list and names the total beyond the first 1,000', async () => {
    const fake = setup();
    await toPreview();
    const many = Array.from({ length: 1000 }, (_, index) => ({
      row: index + 2,
      field: 'email' as const,
      column: 'E-Mail-Adresse',
      code: 'email_invalid' as const,
      value: `kaputt-${index + 2}`,
      severity: 'error' as const,
    }));
    await finish(fake, { summary: summary({ issues: many, issuesTotal: 4_321 }) });
    const issues = screen.getByRole('table', { name: 'Fehler und Warnungen' });
    expect(within(issues).getAllByRole('row')).toHaveLength(26);
    expect(screen.getByText('Die ersten 1.000 von 4.321 Meldungen werden angezeigt.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nächste Seite' }));
    expect(within(issues).getByText('kaputt-27')).toBeTruthy();
    expect(within(issues).queryByText('kaputt-2')).toBeNull();
  });

  it('sends per-row duplicate choices and checks again with them', async () => {
    const fake = setup();
    await toPreview();
    await finish(fake);
    const duplicates = screen.getByRole('table', { name: 'Dubletten' });
    expect(within(duplicates).getByText('E-Mail')).toBeTruthy();
    expect(within(duplicates).getByText('Telefon')).toBeTruthy();
    expect(within(duplicates).getByText('Zeile 3 dieser Datei')).toBeTruthy();
    expect(within(duplicates).getByRole('link', { name: 'Björn Weiß' }).getAttribute('href')).toBe(
      '#/leads/l7',
    );
    const action = screen.getByLabelText('Aktion für Zeile 12') as HTMLSelectElement;
    expect(action.value).toBe('fill');

    fireEvent.change(action, { target: { value: 'skip' } });
    await waitFor(() => expect(fake.starts()).toHaveLength(2));
    expect(fake.starts()[1]).toMatchObject({
      dryRun: true,
      options: { duplicateOverrides: [{ row: 12, action: 'skip' }], onDuplicate: 'fill' },
    });
    // The old counts stay visible, marked as being updated, until the new check is done.
    expect(screen.getByText('Vorschau wird aktualisiert …')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Jetzt importieren' })).toHaveProperty(
      'disabled',
      true,
    );
    await finish(fake);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Jetzt importieren' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
  });

  it('lists possible duplicates apart, both records side by side, created unless chosen otherwise', async () => {
    const fake = setup();
    await toPreview();
    await finish(fake);
    expect(screen.getByTestId('preview-totals').textContent).toContain('1 mögliche Dubletten');
    expect(screen.getByText('Mögliche Dubletten – bitte prüfen (1)')).toBeTruthy();
    const possible = screen.getByRole('table', { name: 'Mögliche Dubletten – bitte prüfen' });
    const [, row] = within(possible).getAllByRole('row');
    if (!row) throw new Error('no possible duplicate row');
    const [number, imported, existing, reason] = within(row).getAllByRole('cell');
    expect(number?.textContent).toBe('15');
    expect(imported?.textContent).toContain('Hanna Fischer');
    expect(imported?.textContent).toContain('Fischer & Partner GmbH');
    expect(imported?.textContent).toContain('+49 40 123456');
    expect(
      within(existing as HTMLElement).getByRole('link', { name: 'Anna Fischer' }),
    ).toBeTruthy();
    expect(existing?.textContent).toContain('Fischer & Partner AG');
    expect(existing?.textContent).toContain('anna@fischer.example');
    expect(reason?.textContent).toBe('Name + Firma (ähnlich)');
    // Not in the certain list, and not given the run's default (fill): a lead of its own.
    const certain = screen.getByRole('table', { name: 'Dubletten' });
    expect(within(certain).queryByText('Hanna Fischer')).toBeNull();
    const action = screen.getByLabelText('Aktion für Zeile 15') as HTMLSelectElement;
    expect(action.value).toBe('create');
    expect(action.selectedOptions[0]?.textContent).toBe('Als eigenen Lead anlegen');

    fireEvent.change(action, { target: { value: 'fill' } });
    await waitFor(() => expect(fake.starts()).toHaveLength(2));
    expect(fake.starts()[1]).toMatchObject({
      dryRun: true,
      options: { duplicateOverrides: [{ row: 15, action: 'fill' }] },
    });
  });

  it('needs "Trotzdem erneut importieren" for a file imported before', async () => {
    const fake = setup({
      file: inspection({
        previousImport: {
          batchId: 'b1',
          fileName: 'messe-2026.csv',
          importedAt: 0,
          userName: null,
        },
      }),
    });
    await toPreview();
    await finish(fake);
    const start = screen.getByRole('button', { name: 'Jetzt importieren' });
    expect(start).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByLabelText('Trotzdem erneut importieren'));
    await waitFor(() => expect(fake.starts()).toHaveLength(2));
    expect(fake.starts()[1]).toMatchObject({ options: { confirmRepeat: true } });
    await finish(fake);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Jetzt importieren' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
  });

  it('imports with progress, then offers the leads, the history and undo', async () => {
    const fake = setup();
    await toPreview();
    await finish(fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Jetzt importieren' }));
    await waitFor(() => expect(fake.starts()).toHaveLength(2));
    expect(fake.starts()[1]).toMatchObject({
      dryRun: false,
      options: { sourceChannel: 'trade_fair' },
    });

    fake.emit(
      'import.progress',
      job({
        jobId: 'j2',
        dryRun: false,
        batchId: 'b9',
        phase: 'writing',
        rowsDone: 500,
        rowsTotal: 2_000,
      }),
    );
    expect(screen.getByText('Leads werden gespeichert')).toBeTruthy();
    expect(screen.getByText(/500 von 2\.000 Zeilen \(25\s%\)/)).toBeTruthy();

    await finish(fake, { batchId: 'b9', dryRun: false });
    expect(await screen.findByText('Import abgeschlossen')).toBeTruthy();
    expect(screen.getByTestId('result-duplicates').textContent).toBe(
      'Dubletten: 2 sicher erkannt (Leadwerk-ID, E-Mail oder Telefon) · 1 mögliche (nur ähnlicher Name bei gleicher Firma)',
    );
    expect(screen.getByRole('button', { name: 'Zur Leadliste' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Rückgängig machen' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('1.234 neu angelegte Leads entfernt');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rückgängig machen' }));
    await within(dialog).findByText('1.234 Leads entfernt, 1 Leads wiederhergestellt.');
    expect(fake.callsTo('imports.undo')[0]?.input).toEqual({ batchId: 'b9' });
    expect(within(dialog).getByRole('link', { name: 'Björn Weiß' }).getAttribute('href')).toBe(
      '#/leads/l7',
    );
  });

  it('asks before cancelling a running import', async () => {
    const fake = setup();
    await toPreview();
    await finish(fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Jetzt importieren' }));
    await waitFor(() => expect(fake.starts()).toHaveLength(2));
    fireEvent.click(await screen.findByRole('button', { name: 'Abbrechen' }));
    const dialog = await screen.findByRole('dialog');
    expect(fake.callsTo('import.cancel')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import abbrechen' }));
    await screen.findByText('Import abgebrochen');
    expect(fake.callsTo('import.cancel')[0]?.input).toEqual({ jobId: 'j2' });
  });

  it("shows the server's refusal and keeps every choice for the next try", async () => {
    const fake = setup({
      start: (input) =>
        input.dryRun === false
          ? {
              ok: false,
              error: {
                code: 'IMPORT_RUNNING',
                key: 'errors.IMPORT_RUNNING',
                message: 'an import is running',
              },
            }
          : undefined,
    });
    await toPreview();
    await finish(fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Jetzt importieren' }));
    await screen.findByText(/Es läuft bereits ein Import/);
    fireEvent.click(screen.getByRole('button', { name: 'Zurück zur Vorschau' }));
    await waitFor(() => expect(fake.starts().filter((s) => s.dryRun === true)).toHaveLength(2));
    const last = fake.starts().at(-1);
    expect(last).toMatchObject({
      dryRun: true,
      options: { sourceChannel: 'trade_fair', campaignName: 'Messe 2026' },
    });
  });

  it('shows rows kept with a warning apart from rows left out, each with its own list', async () => {
    const fake = setup();
    await toPreview();
    const warned = {
      row: 4,
      field: 'phone' as const,
      column: 'Telefon',
      code: 'phone_invalid' as const,
      value: 'BusinessPhone',
      severity: 'warning' as const,
    };
    await finish(fake, {
      summary: summary({
        invalid: 1,
        warnings: 1,
        warningRows: 3,
        issues: [
          { ...warned, row: 9, field: 'lastName', code: 'name_missing', severity: 'error' },
          warned,
        ],
      }),
    });
    expect((await screen.findByTestId('split-rejected')).textContent).toBe(
      'Nicht importiert: 1 Zeile ohne Name und Kontaktweg oder mit zu langem Text (siehe Fehler).',
    );
    const kept = screen.getByTestId('split-warned');
    expect(kept.textContent).toContain(
      'Mit Warnung importiert: 3 Zeilen; ungültige Werte bleiben leer und stehen in den Notizen.',
    );
    const issues = screen.getByRole('table', { name: 'Fehler und Warnungen' });
    expect(within(issues).getByText('Fehler')).toBeTruthy();
    expect(within(issues).getByText('Warnung')).toBeTruthy();

    fireEvent.click(within(kept).getByRole('button', { name: 'Zeilen mit Warnungen speichern …' }));
    await screen.findByText('2 Zeilen mit Warnungen gespeichert: messe-2026-warnungen.csv');
    expect(fake.callsTo('import.saveRejected')[0]?.input).toEqual({
      jobId: 'j1',
      path: 'messe-2026-warnungen.csv',
      overwrite: false,
      rows: 'warnings',
    });
  });
});
