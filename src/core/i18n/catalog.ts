import type { de } from './de';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language catalog has: that of the German one, with any strings. */
export type Catalog = Widen<typeof de>;

/** The dotted paths of the texts (string leaves) of a catalog section. */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

/**
 * Every key of a text in the catalogs (`errors.CONFLICT`, `stages.lead`): a key that names no
 * text, or a section, does not compile. Plural forms are keys of their own (`exportUi.done_one`).
 */
export type TranslationKey = LeafPaths<Catalog>;

/** The keys inside one section, without its prefix (`KeysUnder<'cli'>` has `usage`, `seeHelp`, …). */
export type KeysUnder<Section extends string> = TranslationKey extends infer Key
  ? Key extends `${Section}.${infer Rest}`
    ? Rest
    : never
  : never;
