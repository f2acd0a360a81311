import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogs, isTranslationKey, translate, translateKeyOf, type Catalog } from '@core/i18n';
import { menuText } from '@core/i18n/menu';
import { cliText } from '../../src/main/cli/messages';

/**
 * Keys are checked by the compiler: `tsc -b` (part of `npm test`) fails when one of the
 * `@ts-expect-error` lines below stops being an error, i.e. when a wrong key would compile.
 */
describe('typed translation keys', () => {
  it('refuse a wrong key, a section and a wrong command-line key at compile time', () => {
    // @ts-expect-error: no such text
    expect(translate('de', 'stages.nonsense')).toBe('stages.nonsense');
    // @ts-expect-error: a section is not a text
    expect(translate('de', 'stages')).toBe('stages');
    // @ts-expect-error: no such command-line text
    expect(cliText('de', 'nonsense')).toBe('cli.nonsense');
  });

  it('refuse a catalog that lacks a key or has one more than the German catalog', () => {
    // @ts-expect-error: `openCalendar` is missing
    const lacking: Catalog['dates'] = {};
    // @ts-expect-error: `extra` is no key of the German catalog
    const extra: Catalog['dates'] = { openCalendar: 'x', extra: 'y' };
    expect([lacking, extra]).toHaveLength(2);
  });

  it("type the renderer's i18next `t` by the catalog (src/renderer/i18next.d.ts)", () => {
    const instance = i18next.createInstance();
    void instance.init({
      resources: { en: { translation: catalogs.en } },
      lng: 'en',
      initAsync: false,
    });
    const stage: 'lead' | 'customer' = 'customer';
    expect(instance.t(`stages.${stage}`)).toBe('Customer');
    // @ts-expect-error: no such text
    expect(instance.t('stages.nonsense')).toBe('stages.nonsense');
  });

  it('check keys from data at run time, rendering an unknown key as itself', () => {
    expect(isTranslationKey('errors.CONFLICT')).toBe(true);
    expect(isTranslationKey('errors')).toBe(false);
    expect(translateKeyOf('en', 'stages.customer')).toBe('Customer');
    expect(translateKeyOf('en', 'stages.nonsense')).toBe('stages.nonsense');
  });

  it('keep the command-line and menu texts in the catalogs, in both languages', () => {
    expect(cliText('en', 'seeHelp')).toBe(catalogs.en.cli.seeHelp);
    expect(cliText('de', 'seeHelp')).toBe('Hilfe: npm run cli -- --help');
    expect(menuText('de', 'aboutDetail', { version: '1.2.3' })).toBe(
      'Leadwerk 1.2.3\nLead-Management für kleine B2B-Vertriebsteams.',
    );
    expect(menuText('en', 'quit')).toBe(catalogs.en.menu.quit);
    // @ts-expect-error: no such menu text
    expect(menuText('en', 'nonsense')).toBe('menu.nonsense');
  });
});
