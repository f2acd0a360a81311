import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '@core/ipc/contract';
import type { Result } from '@core/ipc/result';
import { DEFAULT_SCORING_SETTINGS, SCORE_BUCKETS, type ScoringSettings } from '@core/scoring/index';
import { SettingsPage } from '../../src/renderer/features/scoring-settings/settings-page';
import type { ScoringState } from '../../src/renderer/features/scoring-settings/use-scoring-editor';
import {
  PREVIEW_DELAY_MS,
  type Preview,
} from '../../src/renderer/features/scoring-settings/use-scoring-preview';
import { fakeBridge, NOW, ok, renderApp } from './harness';

const SAVED_AT = Date.UTC(2026, 1, 3, 13, 5);

const stored: ScoringState = {
  settings: DEFAULT_SCORING_SETTINGS,
  updatedAt: SAVED_AT,
  updatedBy: 'u2',
  updatedByName: 'Tom Krause',
};

function preview(becomeMql: number, extra: Partial<Preview> = {}): Preview {
  const distribution = (shift: number) => ({
    buckets: SCORE_BUCKETS.map((_, index) => (index === 5 ? 3 + shift : 1)),
    temperatures: { cold: 8 - shift, warm: 4, hot: 1 + shift },
    atMql: 2 + shift,
  });
  return {
    leads: 13,
    becomeMql,
    stopMql: 0,
    promoted: becomeMql,
    current: distribution(0),
    draft: distribution(becomeMql),
    ...extra,
  };
}

type Handlers = Parameters<typeof fakeBridge>[0];

/** The harness's fake bridge plus a way to push events as main would. */
function eventBridge(handlers: Handlers) {
  const fake = fakeBridge(handlers);
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const bridge: Bridge = {
    invoke: fake.bridge.invoke,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => listeners.set(event, listeners.get(event)?.filter((l) => l !== listener) ?? []);
    },
  };
  const emit = (event: string, payload: unknown) =>
    act(() => listeners.get(event)?.forEach((listener) => listener(payload)));
  return { ...fake, bridge, emit };
}

const previewInputs = (calls: { input: Record<string, unknown> }[]) =>
  calls.map((call) => (call.input.settings as ScoringSettings).thresholds.mql);

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function openPage(handlers: Handlers) {
  const fake = eventBridge({ 'scoring.get': () => ok(stored), ...handlers });
  renderApp(<SettingsPage />, fake.bridge);
  await screen.findByLabelText('MQL-Schwelle (Punkte)');
  return fake;
}

afterEach(() => {
  vi.restoreAllMocks();
});

// The page renders ~35 rule rows; jsdom is slow on a busy machine.
describe('scoring settings page', { timeout: 20_000 }, () => {
  it('shows who saved the model and previews the draft once it rests, with the latest values', async () => {
    const { callsTo } = await openPage({
      'scoring.preview': (input) => {
        const mql = (input.settings as ScoringSettings).thresholds.mql;
        return ok(preview(mql === 50 ? 1 : 0));
      },
    });
    // de-DE date and time, in whatever time zone the machine has.
    expect(screen.getByTestId('saved-by').textContent).toMatch(
      /^Zuletzt gespeichert von Tom Krause am 03\.02\.2026, \d\d:05\.$/,
    );
    expect(await screen.findByText('0 Leads werden MQL', {}, { timeout: 2000 })).toBeTruthy();

    type('MQL-Schwelle (Punkte)', '5');
    type('MQL-Schwelle (Punkte)', '50');
    expect(await screen.findByText('1 Lead wird MQL', {}, { timeout: 2000 })).toBeTruthy();
    expect(
      screen.getByText('1 Lead würde beim Speichern automatisch zu MQL befördert'),
    ).toBeTruthy();
    // The intermediate 5 was never sent: the draft had not rested.
    expect(previewInputs(callsTo('scoring.preview'))).toEqual([60, 50]);
    expect(screen.getByTestId('dirty').textContent).toBe('Ungespeicherte Änderungen');

    const distribution = within(screen.getByTestId('distribution'));
    expect(distribution.getByText('< 10')).toBeTruthy();
    expect(distribution.getByText('10–19')).toBeTruthy();
    expect(distribution.getByText('≥ 100')).toBeTruthy();
    const fifty = distribution.getByText('50–59').closest('tr') as HTMLElement;
    expect(
      within(fifty)
        .getAllByText(/^\d+$/)
        .map((cell) => cell.textContent),
    ).toEqual(['3', '4']);
  });

  it('shows only the answer to the newest preview request', async () => {
    const pending: { mql: number; resolve: (result: Result<unknown>) => void }[] = [];
    const fake = fakeBridge({ 'scoring.get': () => ok(stored) });
    const bridge: Bridge = {
      invoke(channel, input) {
        if (channel !== 'scoring.preview') return fake.bridge.invoke(channel, input);
        const mql = (input as { settings: ScoringSettings }).settings.thresholds.mql;
        return new Promise((resolve) => pending.push({ mql, resolve }));
      },
      on: fake.bridge.on,
    };
    renderApp(<SettingsPage />, bridge);
    await screen.findByLabelText('MQL-Schwelle (Punkte)');
    await waitFor(() => expect(pending).toHaveLength(1), { timeout: 2000 });

    type('MQL-Schwelle (Punkte)', '40');
    await waitFor(() => expect(pending).toHaveLength(2), { timeout: 2000 });
    expect(screen.getByText('Vorschau wird berechnet …')).toBeTruthy();

    const [first, second] = pending;
    await act(async () => second?.resolve(ok(preview(4))));
    await act(async () => first?.resolve(ok(preview(0))));
    expect(screen.getByText('4 Leads werden MQL')).toBeTruthy();
    expect(screen.queryByText('0 Leads werden MQL')).toBeNull();
    expect(screen.queryByText('Vorschau wird berechnet …')).toBeNull();
  });

  it('shows validation messages at the fields and neither previews nor saves an invalid draft', async () => {
    const { callsTo } = await openPage({ 'scoring.preview': () => ok(preview(0)) });
    await waitFor(() => expect(callsTo('scoring.preview')).toHaveLength(1), { timeout: 2000 });

    type('„Warm“ ab (Punkte)', '80');
    expect(screen.getByText('„Heiß“ muss über „warm“ liegen')).toBeTruthy();
    type('„Warm“ ab (Punkte)', '30');
    type('Punkte: Berufsbezeichnung angegeben', '');
    type('Höchstens so viele Aktivitäten zählen: Newsletter geöffnet', '2,5');

    expect(screen.getByText('Bitte eine Zahl eingeben')).toBeTruthy();
    expect(screen.getByText('Ungültiger Wert')).toBeTruthy();
    expect(screen.getByText('Keine Vorschau, solange der Entwurf Fehler enthält.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Speichern' })).toHaveProperty('disabled', true);
    // Typed text stays as typed.
    expect(
      screen.getByLabelText('Höchstens so viele Aktivitäten zählen: Newsletter geöffnet'),
    ).toHaveProperty('value', '2,5');

    // Absence can only be seen after the debounce would have fired.
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_DELAY_MS + 200));
    expect(callsTo('scoring.preview')).toHaveLength(1);
  });

  it('edits rules into the saved ScoringSettings and reports the recompute', async () => {
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('1b4e28ba-2fa1-41d2-883f-0016d3cca427');
    const { callsTo } = await openPage({
      'scoring.preview': () => ok(preview(0)),
      'scoring.save': (input) =>
        ok({
          state: {
            ...stored,
            settings: input.settings,
            updatedAt: NOW,
            updatedByName: 'Jana Becker',
          },
          recompute: { leads: 13, changed: 4, promoted: 1 },
        }),
    });

    const engagement = within(screen.getByRole('region', { name: 'Engagement' }));
    fireEvent.change(engagement.getByLabelText('Bedingung der neuen Regel'), {
      target: { value: 'page_visit' },
    });
    fireEvent.click(engagement.getByRole('button', { name: 'Regel hinzufügen' }));
    const row = within(screen.getByTestId('rule-1b4e28ba-2fa1-41d2-883f-0016d3cca427'));
    const patterns = row.getByRole('combobox', { name: /^Teile der Seitenadresse/ });
    // Mantine takes typing only into the focused field (not autofill).
    patterns.focus();
    fireEvent.change(patterns, { target: { value: 'demo' } });
    fireEvent.keyDown(patterns, { key: 'Enter' });
    expect(row.getByText('Seitenbesuch mit „demo“ in der Adresse')).toBeTruthy();
    fireEvent.change(row.getByLabelText(/^Punkte:/), { target: { value: '12' } });
    fireEvent.change(row.getByLabelText(/^Höchstens/), { target: { value: '3' } });

    fireEvent.click(screen.getByLabelText('Regel aktiv: Social-Media-Interaktion'));
    fireEvent.click(screen.getByLabelText('Regel entfernen: E-Mail unzustellbar'));
    fireEvent.click(
      screen.getByLabelText('Direkte Telefonnummer', { selector: '[value="direct_phone"]' }),
    );
    fireEvent.click(screen.getByLabelText('Kein Verfall'));

    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('scoring.save')).toHaveLength(1));
    const sent = callsTo('scoring.save')[0]!.input as {
      settings: ScoringSettings;
      basedOn: number | null;
    };
    expect(sent.basedOn).toBe(SAVED_AT);
    const byId = new Map(sent.settings.rules.map((rule) => [rule.id, rule]));
    expect(byId.get('1b4e28ba-2fa1-41d2-883f-0016d3cca427')).toEqual({
      id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      enabled: true,
      condition: { kind: 'page_visit', patterns: ['demo'] },
      points: 12,
      limit: 3,
    });
    expect(byId.get('eng.social')?.enabled).toBe(false);
    expect(byId.has('eng.bounced')).toBe(false);
    expect(sent.settings.rules).toHaveLength(DEFAULT_SCORING_SETTINGS.rules.length);
    expect(sent.settings.handover).toEqual([
      'contact_route',
      'direct_phone',
      'company',
      'job_title',
      'buying_role',
      'content_used',
    ]);
    expect(sent.settings.halfLifeDays).toBeNull();

    expect(
      await screen.findByText(
        'Gespeichert. 13 Leads neu bewertet, 4 geändert, 1 zu MQL befördert.',
      ),
    ).toBeTruthy();
    expect(screen.queryByTestId('dirty')).toBeNull();
    expect(screen.getByTestId('saved-by').textContent).toMatch(
      /^Zuletzt gespeichert von Jana Becker am 10\.02\.2026, \d\d:00\.$/,
    );
  });

  it('on a conflict tells the user and can keep the draft for the next save', async () => {
    const newer: ScoringState = { ...stored, updatedAt: SAVED_AT + 1000, updatedByName: 'Uwe' };
    let current = stored;
    const { callsTo } = await openPage({
      'scoring.get': () => ok(current),
      'scoring.preview': () => ok(preview(0)),
      'scoring.save': (input) =>
        input.basedOn === current.updatedAt
          ? ok({
              state: { ...current, settings: input.settings },
              recompute: { leads: 1, changed: 0, promoted: 0 },
            })
          : { ok: false, error: { code: 'CONFLICT', key: 'errors.CONFLICT', message: 'stale' } },
    });
    current = newer;
    type('MQL-Schwelle (Punkte)', '55');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Inzwischen von jemand anderem gespeichert')).toBeTruthy();
    expect(screen.getByLabelText('MQL-Schwelle (Punkte)')).toHaveProperty('value', '55');

    fireEvent.click(screen.getByRole('button', { name: 'Meine Fassung behalten' }));
    await waitFor(() =>
      expect(screen.queryByText('Inzwischen von jemand anderem gespeichert')).toBeNull(),
    );
    expect(screen.getByLabelText('MQL-Schwelle (Punkte)')).toHaveProperty('value', '55');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(callsTo('scoring.save')).toHaveLength(2));
    expect(callsTo('scoring.save')[1]!.input.basedOn).toBe(newer.updatedAt);
    expect(await screen.findByText(/^Gespeichert\./)).toBeTruthy();
  });

  it('shows server issues at their field', async () => {
    await openPage({
      'scoring.preview': () => ok(preview(0)),
      'scoring.save': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          key: 'errors.VALIDATION',
          message: 'invalid',
          issues: [{ path: ['settings', 'thresholds', 'mql'], key: 'validation.too_large' }],
        },
      }),
    });
    type('MQL-Schwelle (Punkte)', '61');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const mql = screen.getByLabelText('MQL-Schwelle (Punkte)');
    await waitFor(() => expect(mql.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Zu groß')).toBeTruthy();
  });

  it('follows a model saved elsewhere unless the draft has changes, and resets to the defaults', async () => {
    const custom: ScoringState = {
      ...stored,
      settings: { ...DEFAULT_SCORING_SETTINGS, thresholds: { mql: 45, warm: 20, hot: 80 } },
    };
    const { emit } = await openPage({
      'scoring.get': () => ok(custom),
      'scoring.preview': () => ok(preview(0)),
    });
    const mql = screen.getByLabelText('MQL-Schwelle (Punkte)');
    expect(mql).toHaveProperty('value', '45');

    emit('scoring.changed', { ...custom, settings: DEFAULT_SCORING_SETTINGS, updatedAt: NOW });
    await waitFor(() => expect(mql).toHaveProperty('value', '60'));
    expect(screen.queryByTestId('dirty')).toBeNull();

    type('MQL-Schwelle (Punkte)', '70');
    emit('scoring.changed', { ...custom, updatedAt: NOW + 1, updatedByName: 'Uwe Brandt' });
    expect(await screen.findByText(/^Uwe Brandt hat das Modell am/)).toBeTruthy();
    expect(mql).toHaveProperty('value', '70');

    fireEvent.click(screen.getByRole('button', { name: 'Änderungen verwerfen' }));
    await waitFor(() => expect(mql).toHaveProperty('value', '45'));

    fireEvent.click(screen.getByRole('button', { name: 'Standardwerte einsetzen' }));
    expect(mql).toHaveProperty('value', '60');
    expect(screen.getByTestId('dirty')).toBeTruthy();
  });
});
