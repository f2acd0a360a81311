import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppState } from '@core/ipc/contract';
import type { Result } from '@core/ipc/result';
import { App } from '../../src/renderer/app/app';
import { board } from './fixtures';
import { appState, fakeBridge, ok, renderApp } from './harness';

const damaged = (state: AppState): AppState => ({
  ...state,
  database: state.database === null ? null : { ...state.database, damaged: true },
});

const corrupt: Result<never> = {
  ok: false,
  error: {
    code: 'DB_CORRUPT',
    key: 'errors.DB_CORRUPT',
    message: 'The file “team.sqlite” is damaged.',
    params: { file: 'team.sqlite', folder: '/data' },
  },
};

function setup(state: AppState = appState, boardFails = false) {
  const closed: AppState = { ...state, database: null };
  const fake = fakeBridge({
    'app.state': () => ok(state),
    'lookups.get': () => ok({ users: [], campaigns: [] }),
    'board.load': () => (boardFails ? corrupt : ok(board([]))),
    'database.close': () => ok(closed),
    'users.list': () => ok([{ id: 'u1', name: 'Jana Becker', initials: 'JB' }]),
  });
  renderApp(<App urlLanguage={null} />, fake.bridge);
  return fake;
}

describe('the damaged-file banner', () => {
  it('appears when main reports the file damaged, stays, and offers to open a backup', async () => {
    const fake = setup();
    expect(await screen.findByRole('region', { name: 'Suspect' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    act(() => fake.emit('database.changed', damaged(appState)));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Die Datei ist beschädigt – nur noch Lesen');
    expect(banner.textContent).toContain(
      'Leadwerk hat in „team.sqlite“ beschädigte Daten gefunden. Damit nichts weiter verloren geht, zeigt es die Datei nur noch an: Änderungen werden nicht gespeichert. Bitte die Datei und ihr „-journal“ im Ordner /data nicht löschen oder überschreiben',
    );
    // Moving around the app keeps it on screen.
    act(() => {
      window.location.hash = '#/leads';
    });
    expect(screen.getByRole('alert')).toBe(banner);

    fireEvent.click(screen.getByRole('button', { name: 'Sicherung oder andere Datei öffnen' }));
    await waitFor(() => expect(fake.callsTo('database.close')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('speaks English and shows on a file opened damaged before anyone chose a user', async () => {
    setup(damaged({ ...appState, language: 'en', user: null }));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('The file is damaged – read-only');
    expect(banner.textContent).toContain('Leadwerk found damaged data in “team.sqlite”.');
    expect(screen.getByRole('button', { name: 'Open a backup or another file' })).toBeTruthy();
  });

  it('is the one place that explains: a screen that cannot read the damaged data only points to it', async () => {
    setup(damaged(appState), true);
    const banner = await screen.findByRole('alert');
    const refusal = await screen.findByText(
      'Das ging nicht: „team.sqlite“ ist beschädigt und nur noch lesbar. Ihre Eingaben bleiben erhalten; was zu tun ist, steht oben im roten Hinweis.',
    );
    expect(banner.contains(refusal)).toBe(false);
    expect(screen.getAllByText(/beschädigte Daten gefunden/)).toHaveLength(1);
  });
});
