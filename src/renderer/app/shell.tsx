import { AppShell, NavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Language } from '@core/ipc/contract';
import { ContentPage } from '../features/content-library/content-page';
import { DamagedFileBanner } from '../shared/damaged-file-banner';
import { ImportHistoryPage } from '../features/import/import-history-page';
import { ImportPage } from '../features/import/import-page';
import { BoardPage } from '../features/board/board-page';
import { LeadDetailPage } from '../features/lead-detail/lead-detail-page';
import { LeadsPage } from '../features/leads/leads-page';
import { SettingsPage } from '../features/scoring-settings/settings-page';
import { HeaderBar } from './header-bar';
import { useRoute, type Route } from '../shared/router';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'board':
      return <BoardPage />;
    case 'leads':
      return <LeadsPage />;
    case 'lead':
      return <LeadDetailPage key={route.id} id={route.id} />;
    case 'newLead':
      return <LeadDetailPage key="new" id={null} />;
    case 'content':
      return <ContentPage />;
    case 'settings':
      return <SettingsPage />;
    case 'import':
      return <ImportPage />;
    case 'imports':
      return <ImportHistoryPage />;
  }
}

type Section = 'board' | 'leads' | 'import' | 'content' | 'settings';

/** The navigation entry a route belongs to: a lead's detail counts as the leads section. */
function sectionOf(route: Route): Section {
  switch (route.name) {
    case 'board':
    case 'content':
    case 'settings':
      return route.name;
    case 'leads':
    case 'lead':
    case 'newLead':
      return 'leads';
    case 'import':
    case 'imports':
      return 'import';
  }
}

/** Header, navigation (only what works) and the routed page. */
export function Shell(props: { language: Language; onLanguage: (language: Language) => void }) {
  const { t } = useTranslation();
  const route = useRoute();
  const [opened, { toggle, close }] = useDisclosure(false);
  const section = sectionOf(route);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 188, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <HeaderBar {...props} navOpened={opened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('ui.nav.main')}>
        <NavLink
          href="#/pipeline"
          label={t('ui.nav.board')}
          active={section === 'board'}
          onClick={close}
        />
        <NavLink
          href="#/leads"
          label={t('ui.nav.leads')}
          active={section === 'leads'}
          onClick={close}
        />
        <NavLink
          href="#/import"
          label={t('importUi.nav')}
          active={section === 'import'}
          onClick={close}
        />
        <NavLink
          href="#/content"
          label={t('contentPage.nav')}
          active={section === 'content'}
          onClick={close}
        />
        <NavLink
          href="#/settings"
          label={t('settingsPage.nav')}
          active={section === 'settings'}
          onClick={close}
        />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <DamagedFileBanner />
        <Page route={route} />
      </AppShell.Main>
    </AppShell>
  );
}
