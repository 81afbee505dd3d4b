import type { ja } from './ja';

/** The shape of one language's text: the Japanese keys, any string values. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof ja>;
