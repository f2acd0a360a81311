import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ContentItem } from '@core/scoring/index';
import { ContentPage } from '../../src/renderer/features/content-library/content-page';
import { fakeBridge, NOW, ok, renderApp } from './harness';

function item(overrides: Partial<ContentItem> & { id: string; name: string }): ContentItem {
  return {
    type: 'whitepaper',
    topic: null,
    phase: 'awareness',
    targetRole: null,
    url: null,
    archived: false,
    createdAt: NOW - 1000,
    updatedAt: NOW - 1000,
    version: 1,
    ...overrides,
  };
}

const LIBRARY = [
  item({
    id: 'c1',
    name: 'Preisliste Telefonanlagen 2026',
    type: 'price_list',
    topic: 'Telefonanlagen',
    phase: 'purchase',
  }),
  item({
    id: 'c2',
    name: 'Whitepaper Cloud-Telefonie',
    topic: 'Cloud',
    targetRole: 'decision_maker',
  }),
  item({ id: 'c3', name: 'Blog: Displays im Vergleich', type: 'blog_post', topic: 'cloud' }),
];
const ARCHIVED = item({ id: 'c4', name: 'Datenblatt 2019', type: 'data_sheet', archived: true });

const list = (input: Record<string, unknown>) =>
  ok(input.includeArchived ? [...LIBRARY, ARCHIVED] : LIBRARY);

function rowNames(): string[] {
  const table = screen.getByRole('table', { name: 'Inhalte' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

/** Types into a field of the editor; focused first, as Mantine's comboboxes ignore autofill. */
function type(label: string, value: string) {
  const [field] = within(screen.getByRole('dialog'))
    .getAllByLabelText(label, { exact: false })
    .filter((element) => element.tagName === 'INPUT');
  if (!field) throw new Error(`no input labelled ${label}`);
  field.focus();
  fireEvent.change(field, { target: { value } });
}

describe('content library page', () => {
  it('lists the items and filters by type, topic and archived', async () => {
    renderApp(<ContentPage />, fakeBridge({ 'content.list': list }).bridge);
    await screen.findByText('Whitepaper Cloud-Telefonie');
    expect(rowNames()).toHaveLength(3);
    expect(screen.getByText('Entscheider')).toBeTruthy();
    expect(screen.getByText('3 Inhalte')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Typ'), { target: { value: 'price_list' } });
    await waitFor(() => expect(rowNames()).toEqual(['Preisliste Telefonanlagen 2026']));

    fireEvent.change(screen.getByLabelText('Typ'), { target: { value: '' } });
    // Topics are offered once regardless of case, and match regardless of case.
    const topics = within(screen.getByLabelText('Thema')).getAllByRole('option');
    expect(topics.map((option) => option.textContent)).toEqual([
      'Alle Themen',
      'Cloud',
      'Telefonanlagen',
    ]);
    fireEvent.change(screen.getByLabelText('Thema'), { target: { value: 'Cloud' } });
    await waitFor(() =>
      expect(rowNames()).toEqual(['Whitepaper Cloud-Telefonie', 'Blog: Displays im Vergleich']),
    );

    fireEvent.change(screen.getByLabelText('Thema'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Archivierte anzeigen'));
    expect(await screen.findByText('Datenblatt 2019')).toBeTruthy();
    expect(screen.getByText('Archiviert')).toBeTruthy();
  });

  it('creates an item and shows a duplicate name at the field, keeping the input', async () => {
    const { bridge, callsTo } = fakeBridge({
      'content.list': list,
      'content.create': (input) => {
        const fields = input.fields as { name: string };
        if (fields.name === 'Whitepaper Cloud-Telefonie') {
          return {
            ok: false,
            error: {
              code: 'VALIDATION',
              key: 'errors.VALIDATION',
              message: 'taken',
              issues: [{ path: ['fields', 'name'], key: 'validation.duplicate' }],
            },
          };
        }
        return ok(item({ id: 'c9', ...fields }));
      },
    });
    renderApp(<ContentPage />, bridge);
    await screen.findByText('Whitepaper Cloud-Telefonie');
    fireEvent.click(screen.getByRole('button', { name: 'Neuer Inhalt' }));
    const dialog = within(await screen.findByRole('dialog'));

    fireEvent.click(dialog.getByRole('button', { name: 'Speichern' }));
    expect(await dialog.findByText('Pflichtfeld')).toBeTruthy();
    expect(callsTo('content.create')).toHaveLength(0);

    type('Name', 'Whitepaper Cloud-Telefonie');
    fireEvent.change(dialog.getByLabelText('Typ'), { target: { value: 'case_study' } });
    type('Thema', 'Cloud');
    fireEvent.change(dialog.getByLabelText('Zielrolle'), { target: { value: 'influencer' } });
    type('Adresse (URL)', 'https://example.com/case');
    fireEvent.click(dialog.getByRole('button', { name: 'Speichern' }));
    expect(await dialog.findByText('Doppelt vergeben')).toBeTruthy();
    expect(dialog.getByLabelText('Name', { exact: false })).toHaveProperty(
      'value',
      'Whitepaper Cloud-Telefonie',
    );
    expect(dialog.getByLabelText('Adresse (URL)')).toHaveProperty(
      'value',
      'https://example.com/case',
    );

    type('Name', 'Fallstudie Cloud bei Fröhlich Holidays');
    fireEvent.click(dialog.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('content.create')).toHaveLength(2));
    expect(callsTo('content.create')[1]!.input.fields).toEqual({
      name: 'Fallstudie Cloud bei Fröhlich Holidays',
      type: 'case_study',
      topic: 'Cloud',
      phase: 'awareness',
      targetRole: 'influencer',
      url: 'https://example.com/case',
      archived: false,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Inhalt angelegt.')).toBeTruthy();
  });

  it('after a version conflict reloads the item and keeps what the user changed', async () => {
    let stored = LIBRARY[1]!;
    const { bridge, callsTo } = fakeBridge({
      'content.list': () => ok([LIBRARY[0], stored, LIBRARY[2]]),
      'content.update': (input) =>
        input.version === stored.version
          ? ok({ ...stored, version: stored.version + 1 })
          : { ok: false, error: { code: 'CONFLICT', key: 'errors.CONFLICT', message: 'stale' } },
    });
    renderApp(<ContentPage />, bridge);
    fireEvent.click(
      await screen.findByRole('button', { name: '„Whitepaper Cloud-Telefonie“ bearbeiten' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    stored = { ...stored, phase: 'evaluation', version: 2 };

    type('Thema', 'Cloud-Telefonie');
    fireEvent.click(dialog.getByRole('button', { name: 'Speichern' }));
    expect(await dialog.findByText('Inzwischen geändert')).toBeTruthy();

    fireEvent.click(dialog.getByRole('button', { name: 'Neu laden' }));
    await waitFor(() =>
      expect(dialog.getByLabelText('Kaufphase')).toHaveProperty('value', 'evaluation'),
    );
    expect(dialog.getByRole('combobox', { name: 'Thema' })).toHaveProperty(
      'value',
      'Cloud-Telefonie',
    );

    fireEvent.click(dialog.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('content.update')).toHaveLength(2));
    expect(callsTo('content.update')[1]!.input).toMatchObject({
      id: 'c2',
      version: 2,
      fields: { topic: 'Cloud-Telefonie', phase: 'evaluation' },
    });
  });
});
