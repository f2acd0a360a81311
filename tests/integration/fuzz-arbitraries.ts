import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries for malformed IPC payloads, derived from the contract's zod input
 * schemas: at every node of a channel's input either a plausible value for that node (so
 * that handlers run too) or a hostile one — the wrong type, a missing or extra field, a
 * huge string, deep nesting, prototype-pollution keys, NaN and Infinity, negative and huge
 * numbers, lists where objects belong.
 */

type Def = {
  type: string;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
  [key: string]: unknown;
};

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

const MEGABYTE_STRING = 'ä'.repeat(512 * 1024);

function deeplyNested(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i += 1) value = { a: value, b: [value] };
  return value;
}

const DEEP = deeplyNested(2000);
const LONG_LIST = Array.from({ length: 200_000 }, (_, i) => i);

/** Values that are wrong almost anywhere, and the ones that break naive code. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    -0,
    2 ** 53,
    -(2 ** 63),
    1e308,
    0.5,
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '../../../../etc/passwd',
    '__proto__',
    'constructor',
    '%s%n%x',
    '<script>alert(1)</script>',
    "'; DROP TABLE leads; --",
    '\uD800',
    '\u202Egnp.exe',
    MEGABYTE_STRING,
    true,
    false,
    [],
    {},
    DEEP,
    LONG_LIST,
  ),
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc
    .constant(null)
    .map(() => JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.constant(null).map(() => Object.create(null) as unknown),
  fc.constant(null).map(() => new Map([['a', 1]])),
  fc.constant(null).map(() => new Set([1, 2])),
  fc.constant(null).map(() => new Date(Number.NaN)),
  fc.constant(null).map(() => new Uint8Array([1, 2, 3])),
  fc.bigInt(),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true }),
);

/**
 * Per field name: `plausible` values reach the handlers (existing ids, valid e-mails);
 * `confined` values replace everything else for that field, hostile ones included (paths
 * that must stay inside the test's folder whatever else they are).
 */
export type FuzzHints = {
  plausible?: Partial<Record<string, fc.Arbitrary<unknown>>>;
  confined?: Partial<Record<string, fc.Arbitrary<unknown>>>;
};

function maxLength(schema: z.core.$ZodType): number | undefined {
  const check = (defOf(schema).checks ?? []).find((c) => c._zod.def.check === 'max_length');
  return check?._zod.def.maximum;
}

/** How hostile the values below a node are: the weight of {@link hostile} against 4. */
type Hostility = 0 | 1;

/** A plausible value for `schema`; its parts are hostile with weight `h`. */
function plausible(
  schema: z.core.$ZodType,
  hints: FuzzHints,
  key: string,
  h: Hostility,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const hint = hints.plausible?.[key];
  const inner = (child: unknown, name = key) => node(child as z.core.$ZodType, hints, name, h);
  switch (def.type) {
    case 'string': {
      const max = maxLength(schema) ?? 50;
      const text = fc.string({ maxLength: Math.min(max, 30) });
      if (h === 0) return hint ?? text;
      return fc.oneof(hint ?? text, text, fc.constant('x'.repeat(max + 1)));
    }
    case 'number': {
      const small = hint ?? fc.integer({ min: 0, max: 50 });
      if (h === 0) return small;
      return fc.oneof(small, fc.integer({ min: -5, max: 200 }), fc.integer(), fc.double());
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array':
      return fc.array(inner(def.element), { maxLength: 4 });
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor')),
        inner(def.valueType),
        { maxKeys: 4 },
      );
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, value] of Object.entries(shape)) model[name] = inner(value, name);
      const extra = fc.dictionary(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString'),
        hostile,
        { maxKeys: 2 },
      );
      if (h === 0) return fc.record(model, { noNullPrototype: true });
      const known = fc.record(model, { requiredKeys: [] });
      return fc.tuple(known, extra).map(([fields, more]) => ({ ...more, ...fields }));
    }
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => inner(option)));
    case 'pipe':
      return inner(def.in);
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

function node(
  schema: z.core.$ZodType,
  hints: FuzzHints,
  key: string,
  h: Hostility,
): fc.Arbitrary<unknown> {
  const confined = hints.confined?.[key];
  if (confined !== undefined) return confined;
  if (h === 0) return plausible(schema, hints, key, h);
  return fc.oneof(
    { arbitrary: plausible(schema, hints, key, h), weight: 4 },
    { arbitrary: hostile, weight: h },
  );
}

/**
 * Payloads for `schema`: half of them hostile at every level (one node in five), half only
 * plausible (shaped like the schema, with the field hints), so that the handlers behind the
 * validation run as well.
 */
export function arbitraryFor(
  schema: z.core.$ZodType,
  hints: FuzzHints = {},
): fc.Arbitrary<unknown> {
  return fc.oneof(node(schema, hints, '', 1), node(schema, hints, '', 0));
}
