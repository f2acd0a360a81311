import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Lead } from '@core/domain/lead';
import { LeadDetailPage } from '../../src/renderer/features/lead-detail/lead-detail-page';
import { LeadsTable } from '../../src/renderer/features/leads/leads-table';
import { LeadCard } from '../../src/renderer/features/board/lead-card';
import { detail, summary } from './fixtures';
import { fakeBridge, NOW, ok, renderApp } from './harness';

const lookups = () =>
  ok({ users: [{ id: 'u1', name: 'Jana Becker', initials: 'JB' }], campaigns: [] });

/** A fake main process holding one stored lead: get returns it, update changes it. */
function storedLead(initial: Partial<Lead> = {}) {
  let stored = detail(initial);
  return fakeBridge({
    'lookups.get': lookups,
    'leads.get': () => ok(stored),
    'leads.update': (input) => {
      if (input.version !== stored.lead.version) {
        return { ok: false, error: { code: 'CONFLICT', key: 'errors.CONFLICT', message: 'x' } };
      }
      const fields = input.fields as Partial<Lead>;
      stored = detail({ ...stored.lead, ...fields, version: stored.lead.version + 1 });
      return ok(stored);
    },
  });
}

async function loaded() {
  await waitFor(() =>
    expect(screen.getByLabelText('Nachname', { exact: false })).toHaveProperty('value', 'Petersen'),
  );
}

describe('do not contact on the detail view', () => {
  it('saves the switch through leads.update with the version and shows the red badge', async () => {
    const { bridge, callsTo } = storedLead();
    renderApp(<LeadDetailPage id="l1" />, bridge);
    await loaded();
    expect(screen.queryByTestId('dnc-badge')).toBeNull();
    const toggle = screen.getByRole('switch', { name: /Nicht kontaktieren/ });
    expect(toggle).toHaveProperty('checked', false);

    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('leads.update')).toHaveLength(1));
    const call = callsTo('leads.update')[0]!.input;
    expect(call.version).toBe(4);
    expect(call.fields).toMatchObject({ doNotContact: true });
    expect((await screen.findByTestId('dnc-badge')).textContent).toContain('Kontaktsperre');
    expect(screen.getByRole('switch', { name: /Nicht kontaktieren/ })).toHaveProperty(
      'checked',
      true,
    );

    fireEvent.click(screen.getByRole('switch', { name: /Nicht kontaktieren/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('leads.update')).toHaveLength(2));
    expect(callsTo('leads.update')[1]!.input).toMatchObject({
      version: 5,
      fields: { doNotContact: false },
    });
    await waitFor(() => expect(screen.queryByTestId('dnc-badge')).toBeNull());
  });

  it('deletes after confirmation, says the person stays suppressed, and leaves the page', async () => {
    window.location.hash = '#/pipeline';
    window.location.hash = '#/leads/l1';
    const { bridge, callsTo } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () => ok(detail({ doNotContact: true })),
      'leads.delete': (input) => ok({ id: input.id }),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge);
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Lead löschen' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('dnc-delete-note').textContent).toContain('Sperrliste');
    expect(callsTo('leads.delete')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Endgültig löschen' }));
    await waitFor(() => expect(callsTo('leads.delete')).toHaveLength(1));
    expect(callsTo('leads.delete')[0]!.input).toEqual({ id: 'l1', version: 4 });
    await waitFor(() => expect(window.location.hash).toBe('#/pipeline'));
    expect(await screen.findByText('Maria Petersen wurde gelöscht.')).toBeTruthy();
  });

  it('keeps the lead and shows the conflict when it was changed meanwhile', async () => {
    window.location.hash = '#/leads/l1';
    const { bridge, callsTo } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () => ok(detail()),
      'leads.delete': () => ({
        ok: false,
        error: { code: 'CONFLICT', key: 'errors.CONFLICT', message: 'stale' },
      }),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge);
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Lead löschen' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByTestId('dnc-delete-note')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Endgültig löschen' }));
    expect(await within(dialog).findByText(/von jemand anderem geändert/)).toBeTruthy();
    expect(callsTo('leads.delete')).toHaveLength(1);
    expect(window.location.hash).toBe('#/leads/l1');
  });

  it('shows an import on the timeline as "Importiert aus" with the file name', async () => {
    const { bridge } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () =>
        ok(
          detail(
            {},
            {
              activities: [
                {
                  id: 'a1',
                  kind: 'imported',
                  occurredAt: NOW,
                  text: 'messe-2026.csv',
                  contentId: null,
                  contentName: null,
                  topic: null,
                  url: null,
                  createdAt: NOW,
                  createdBy: 'u1',
                  createdByName: 'Jana Becker',
                },
              ],
            },
          ),
        ),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge);
    const activity = await screen.findByTestId('activity');
    expect(within(activity).getByText('Importiert aus messe-2026.csv')).toBeTruthy();
  });
});

describe('do not contact markers', () => {
  it('marks flagged leads on board cards and table rows, and only those', () => {
    const flagged = summary({ id: 'l1', doNotContact: true });
    const other = summary({ id: 'l2', firstName: 'Bernd', lastName: 'Anders' });
    const { bridge } = fakeBridge({});
    const noop = () => undefined;
    renderApp(
      <>
        <LeadCard
          lead={flagged}
          now={NOW}
          onOpen={noop}
          onMove={noop}
          onDragStart={noop}
          onDragEnd={noop}
        />
        <LeadCard
          lead={other}
          now={NOW}
          onOpen={noop}
          onMove={noop}
          onDragStart={noop}
          onDragEnd={noop}
        />
        <LeadsTable
          rows={[flagged, other]}
          now={NOW}
          sort="name"
          direction="asc"
          onSort={noop}
          onOpen={noop}
        />
      </>,
      bridge,
    );
    const card = screen.getByRole('article', { name: 'Maria Petersen' });
    expect(within(card).getByRole('img', { name: 'Kontaktsperre' })).toBeTruthy();
    const otherCard = screen.getByRole('article', { name: 'Bernd Anders' });
    expect(within(otherCard).queryByRole('img', { name: 'Kontaktsperre' })).toBeNull();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).queryAllByRole('img').length)).toEqual([1, 0]);
  });
});
