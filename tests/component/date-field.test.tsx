import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LeadDetailPage } from '../../src/renderer/features/lead-detail/lead-detail-page';
import {
  formatDateTimeText,
  formatDayText,
  formatMonthText,
  parseDateTimeText,
  parseDayText,
  parseMonthText,
} from '../../src/renderer/shared/format';
import { contentItem, detail } from './fixtures';
import { appState, fakeBridge, NOW, ok, renderApp } from './harness';

/**
 * Date fields read and write de-DE (en-GB in English) whatever the browser's or the
 * operating system's locale: typed text in the language's format, or a day picked from the
 * Mantine calendar. An unreadable entry is named on save and stays as typed.
 */

describe('date texts', () => {
  it('shows stored days, instants and months in the language of the UI', () => {
    expect(formatDayText('2026-03-31', 'de')).toBe('31.03.2026');
    expect(formatDayText('2026-03-31', 'en')).toBe('31/03/2026');
    expect(formatDayText(null, 'de')).toBe('');
    const instant = new Date(2026, 1, 3, 14, 5).getTime();
    expect(formatDateTimeText(instant, 'de')).toBe('03.02.2026 14:05');
    expect(formatDateTimeText(instant, 'en')).toBe('03/02/2026 14:05');
    expect(formatMonthText('2026-09', 'de')).toBe('09.2026');
    expect(formatMonthText('2026-09', 'en')).toBe('09/2026');
  });

  it('reads what people type, day first, and refuses days that do not exist', () => {
    expect(parseDayText('31.12.2026')).toBe('2026-12-31');
    expect(parseDayText(' 1.2.26 ')).toBe('2026-02-01');
    expect(parseDayText('31/12/2026')).toBe('2026-12-31');
    expect(parseDayText('2026-12-31')).toBe('2026-12-31');
    for (const bad of ['32.13.2026', '29.02.2025', '12/31/2026', 'morgen', '']) {
      expect(parseDayText(bad), bad).toBeNull();
    }
    expect(parseDateTimeText('03.02.2026 14:05')).toBe(new Date(2026, 1, 3, 14, 5).getTime());
    expect(parseDateTimeText('3.2.2026, 9:05')).toBe(new Date(2026, 1, 3, 9, 5).getTime());
    expect(parseDateTimeText('2026-02-03T14:05')).toBe(new Date(2026, 1, 3, 14, 5).getTime());
    expect(parseDateTimeText('03.02.2026')).toBe(new Date(2026, 1, 3).getTime());
    expect(parseDateTimeText('03.02.2026 24:00')).toBeNull();
    expect(parseDateTimeText('03.02.2026 14:5')).toBeNull();
    expect(parseMonthText('09.2026')).toBe('2026-09');
    expect(parseMonthText('9/2026')).toBe('2026-09');
    expect(parseMonthText('2026-09')).toBe('2026-09');
    expect(parseMonthText('13.2026')).toBeNull();
    expect(parseMonthText('September')).toBeNull();
  });
});

const lookups = () => ok({ users: [], campaigns: [] });

describe('expected close date on the lead form', () => {
  it('shows the stored day in German, sends a typed day as YYYY-MM-DD', async () => {
    const { bridge, callsTo } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () => ok(detail({ expectedCloseDate: '2026-03-31' })),
      'leads.update': () => ok(detail({ expectedCloseDate: '2026-12-31', version: 5 })),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge);
    const field = await screen.findByLabelText('Erwarteter Abschluss');
    expect(field).toHaveProperty('value', '31.03.2026');
    expect(field.getAttribute('type') ?? 'text').toBe('text');
    expect(field.getAttribute('placeholder')).toBe('TT.MM.JJJJ');

    fireEvent.change(field, { target: { value: '31.12.2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('leads.update')).toHaveLength(1));
    const fields = callsTo('leads.update')[0]!.input.fields as Record<string, unknown>;
    expect(fields.expectedCloseDate).toBe('2026-12-31');
  });

  it('names an impossible day in German, keeps it as typed and sends nothing', async () => {
    const { bridge, callsTo } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () => ok(detail()),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge);
    const field = await screen.findByLabelText('Erwarteter Abschluss');
    fireEvent.change(field, { target: { value: '31.02.2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Kein gültiges Datum')).toBeTruthy();
    expect(field).toHaveProperty('value', '31.02.2026');
    expect(callsTo('leads.update')).toHaveLength(0);
  });

  it('picks a day from a German calendar (weeks from Monday)', async () => {
    const { bridge } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () => ok(detail({ expectedCloseDate: '2026-03-31' })),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge);
    await screen.findByLabelText('Erwarteter Abschluss');
    fireEvent.click(
      screen.getByRole('button', { name: 'Kalender für „Erwarteter Abschluss“ öffnen' }),
    );
    expect(await screen.findByText('März 2026')).toBeTruthy();
    const weekdays = [...document.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(weekdays.slice(0, 2)).toEqual(['Mo', 'Di']);
    fireEvent.click(screen.getByRole('button', { name: '15 März 2026' }));
    expect(screen.getByLabelText('Erwarteter Abschluss')).toHaveProperty('value', '15.03.2026');
  });

  it('reads and writes British dates in English', async () => {
    const { bridge } = fakeBridge({
      'lookups.get': lookups,
      'leads.get': () => ok(detail({ expectedCloseDate: '2026-03-31' })),
    });
    renderApp(<LeadDetailPage id="l1" />, bridge, { ...appState, language: 'en' });
    const field = await screen.findByLabelText('Expected close');
    expect(field).toHaveProperty('value', '31/03/2026');
    expect(field.getAttribute('placeholder')).toBe('DD/MM/YYYY');
  });
});

describe('date and time of an activity', () => {
  function setup() {
    const fake = fakeBridge({
      'lookups.get': lookups,
      'content.list': () => ok([contentItem({ id: 'c1' })]),
      'leads.get': () => ok(detail()),
      'activities.add': (input) =>
        ok({
          id: 'a1',
          kind: 'call',
          occurredAt: input.occurredAt,
          text: 'Angerufen',
          contentId: null,
          contentName: null,
          topic: null,
          url: null,
          createdAt: NOW,
          createdBy: 'u1',
          createdByName: 'Jana Becker',
        }),
    });
    renderApp(<LeadDetailPage id="l1" />, fake.bridge);
    return fake;
  }

  it('starts at now in German and sends the typed local time', async () => {
    const { callsTo } = setup();
    const when = await screen.findByLabelText('Datum und Uhrzeit');
    expect(when).toHaveProperty('value', formatDateTimeText(NOW, 'de'));
    fireEvent.change(when, { target: { value: '03.02.2026 14:05' } });
    fireEvent.change(screen.getByLabelText('Beschreibung', { exact: false }), {
      target: { value: 'Angerufen' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Erfassen' }));
    await waitFor(() => expect(callsTo('activities.add')).toHaveLength(1));
    expect(callsTo('activities.add')[0]!.input.occurredAt).toBe(
      new Date(2026, 1, 3, 14, 5).getTime(),
    );
  });

  it('names an unreadable time and keeps it', async () => {
    const { callsTo } = setup();
    const when = await screen.findByLabelText('Datum und Uhrzeit');
    fireEvent.change(when, { target: { value: '03.02.2026 25:00' } });
    fireEvent.change(screen.getByLabelText('Beschreibung', { exact: false }), {
      target: { value: 'Angerufen' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Erfassen' }));
    expect(await screen.findByText('Kein gültiges Datum')).toBeTruthy();
    expect(when).toHaveProperty('value', '03.02.2026 25:00');
    expect(callsTo('activities.add')).toHaveLength(0);
  });
});
