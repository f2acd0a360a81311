import type { de } from './de';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language catalog has: that of the German one, with any strings. */
export type Catalog = Widen<typeof de>;
