import type { Catalog } from '@core/i18n/catalog';

/**
 * Types react-i18next's `t` by the core catalog, so a key that names no text does not compile.
 * i18next's documented way is module augmentation, which only merges into an `interface`.
 */
declare module 'i18next' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}
