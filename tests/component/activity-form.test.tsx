import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Activity } from '@core/domain/lead';
import { LeadDetailPage } from '../../src/renderer/features/lead-detail/lead-detail-page';
import { contentItem, detail, score } from './fixtures';
import { fakeBridge, NOW, ok, renderApp } from './harness';

const whitepaper = contentItem({ id: 'c1' });
const priceList = contentItem({
  id: 'c2',
  name: 'Preisliste 2026',
  type: 'price_list',
  topic: null,
});

const download: Activity = {
  id: 'a9',
  kind: 'download',
  occurredAt: NOW - 60_000,
  text: '',
  contentId: 'c1',
  contentName: 'Cloudlösungen im Mittelstand',
  topic: null,
  url: null,
  createdAt: NOW,
  createdBy: 'u1',
  createdByName: 'Jana Becker',
};

function setup() {
  let added = false;
  const fake = fakeBridge({
    'lookups.get': () => ok({ users: [], campaigns: [] }),
    'content.list': () => ok([whitepaper, priceList]),
    'leads.get': () =>
      ok(
        detail(
          {},
          added ? { activities: [download], score: score({ engagement: 23, total: 28 }) } : {},
        ),
      ),
    'activities.add': () => {
      added = true;
      return ok(download);
    },
  });
  renderApp(<LeadDetailPage id="l1" />, fake.bridge);
  return fake;
}

const kind = () => screen.getByLabelText('Art');
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Erfassen' }));

describe('activity form', () => {
  it('offers all 14 kinds in two groups', async () => {
    setup();
    await screen.findByRole('region', { name: 'Score' });
    const groups = kind().querySelectorAll('optgroup');
    expect([...groups].map((group) => group.label)).toEqual(['Vertriebskontakt', 'Verhalten']);
    expect(groups[0]!.querySelectorAll('option')).toHaveLength(4);
    expect(groups[1]!.querySelectorAll('option')).toHaveLength(10);
  });

  it('needs a text for a call, and sends nothing without it', async () => {
    const { callsTo } = setup();
    await screen.findByRole('region', { name: 'Score' });
    submit();
    expect(await screen.findByText('Pflichtfeld')).toBeTruthy();
    expect(callsTo('activities.add')).toHaveLength(0);
    expect(screen.queryByLabelText('Inhalt')).toBeNull();
  });

  it('logs a download with its content item and no text; the score updates at once', async () => {
    const { callsTo } = setup();
    await screen.findByRole('region', { name: 'Score' });
    fireEvent.change(kind(), { target: { value: 'download' } });
    const content = await screen.findByLabelText('Inhalt');
    const labels = [...content.querySelectorAll('option')].map((option) => option.textContent);
    expect(labels).toEqual([
      'Kein Inhalt',
      'Cloudlösungen im Mittelstand · Whitepaper · Cloud',
      'Preisliste 2026 · Preisliste',
    ]);
    fireEvent.change(content, { target: { value: 'c1' } });
    expect(screen.getByText('Thema des Inhalts: Cloud')).toBeTruthy();
    expect(screen.queryByLabelText('Adresse (URL)')).toBeNull();
    submit();

    await waitFor(() => expect(callsTo('activities.add')).toHaveLength(1));
    expect(callsTo('activities.add')[0]!.input).toMatchObject({
      leadId: 'l1',
      kind: 'download',
      text: '',
      contentId: 'c1',
      url: null,
    });
    const panel = within(screen.getByRole('region', { name: 'Score' }));
    await waitFor(() => expect(panel.getByTestId('score-total').textContent).toBe('28'));
    const entry = within(screen.getByTestId('activity'));
    expect(entry.getByText('Download')).toBeTruthy();
    expect(entry.getByText('Cloudlösungen im Mittelstand')).toBeTruthy();
  });

  it('asks for the address of a page visit and sends it with the topic', async () => {
    const { callsTo } = setup();
    await screen.findByRole('region', { name: 'Score' });
    fireEvent.change(kind(), { target: { value: 'page_visit' } });
    expect(screen.queryByLabelText('Inhalt')).toBeNull();
    fireEvent.change(screen.getByLabelText('Adresse (URL)'), {
      target: { value: 'https://wolke7.de/preise' },
    });
    fireEvent.change(screen.getByLabelText('Thema (optional)'), { target: { value: 'Cloud' } });
    submit();
    await waitFor(() => expect(callsTo('activities.add')).toHaveLength(1));
    expect(callsTo('activities.add')[0]!.input).toMatchObject({
      kind: 'page_visit',
      url: 'https://wolke7.de/preise',
      topic: 'Cloud',
      contentId: null,
    });
  });
});
