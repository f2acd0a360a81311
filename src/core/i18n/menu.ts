import type { Language } from '../ipc/contract';
import type { KeysUnder } from './catalog';
import { translate } from './index';

/** A text of the native Electron menu and dialogs: catalog section `menu`. */
export type MenuKey = KeysUnder<'menu'>;

/**
 * Menu text in `language`, placeholders filled. Main builds the menu before any window
 * exists, so it reads the catalogs directly rather than through the renderer's i18next.
 */
export function menuText(
  language: Language,
  key: MenuKey,
  params: Record<string, string> = {},
): string {
  return translate(language, `menu.${key}`, params);
}
