import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@core/ipc/channels';
import { contract } from '@core/ipc/schemas';

/**
 * Every string and every list a caller can send has a maximum: a renderer, a page with the
 * bridge's token or a buggy script must not push megabytes into a handler (a 1 MB path
 * reached one). Walks each channel's input schema through zod's definitions.
 */

type Def = {
  type: string;
  checks?: { _zod: { def: { check: string } } }[];
  [key: string]: unknown;
};

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

const LENGTH_BOUNDS = new Set(['max_length', 'length_equals']);

function hasMaxLength(schema: z.core.$ZodType): boolean {
  return (defOf(schema).checks ?? []).some((check) => LENGTH_BOUNDS.has(check._zod.def.check));
}

function hasMaxEntries(schema: z.core.$ZodType): boolean {
  const meta = z.globalRegistry.get(schema) as { maxEntries?: unknown } | undefined;
  return typeof meta?.maxEntries === 'number';
}

/** Key types that allow only a fixed set of keys, so the record is bounded by them. */
const FINITE_KEYS = new Set(['enum', 'literal']);

/** Paths (like `fields.company.name` or `rules[].id`) of strings and lists without a maximum. */
function unboundedPaths(schema: z.core.$ZodType, path = '$'): string[] {
  const def = defOf(schema);
  const inner = (key: string, at = path) => unboundedPaths(def[key] as z.core.$ZodType, at);
  switch (def.type) {
    case 'string':
      return hasMaxLength(schema) ? [] : [path];
    case 'array':
      return [...(hasMaxLength(schema) ? [] : [path]), ...inner('element', `${path}[]`)];
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const found = Object.entries(shape).flatMap(([key, value]) =>
        unboundedPaths(value, `${path}.${key}`),
      );
      return def.catchall === undefined ? found : [...found, ...inner('catchall', `${path}.*`)];
    }
    case 'record': {
      const key = def.keyType as z.core.$ZodType;
      const bounded = FINITE_KEYS.has(defOf(key).type) || hasMaxEntries(schema);
      return [
        ...(bounded ? [] : [`${path}{}`]),
        ...unboundedPaths(key, `${path}{key}`),
        ...inner('valueType', `${path}{}`),
      ];
    }
    case 'union':
      return (def.options as z.core.$ZodType[]).flatMap((option) => unboundedPaths(option, path));
    case 'intersection':
      return [...inner('left'), ...inner('right')];
    case 'tuple':
      return (def.items as z.core.$ZodType[]).flatMap((item, i) =>
        unboundedPaths(item, `${path}[${i}]`),
      );
    case 'pipe':
      return [...inner('in'), ...inner('out')];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner('innerType');
    case 'transform':
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'number':
    case 'null':
    case 'undefined':
      return [];
    default:
      // A kind of schema this test does not know yet must be taught to it, not skipped.
      throw new Error(`contract-limits: unknown zod type "${def.type}" at ${path}`);
  }
}

describe('contract limits', () => {
  it.each(CHANNELS)('%s: every string and list of the input has a maximum', (channel) => {
    expect(unboundedPaths(contract[channel].input)).toEqual([]);
  });

  it('finds what has no maximum, through every kind of wrapper', () => {
    const schema = z.object({
      name: z.string().trim(),
      ok: z.string().max(5),
      tags: z.array(z.string().max(5)),
      nested: z
        .object({ notes: z.string().nullable().optional() })
        .superRefine(() => undefined)
        .default({ notes: null }),
      either: z.union([z.number(), z.string().transform((s) => s.length)]),
      tagged: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('a'), list: z.array(z.number()).max(3) }),
        z.object({ kind: z.literal('b'), text: z.string() }),
      ]),
      map: z.record(z.string().max(3), z.string().max(3)),
      byStage: z.partialRecord(z.enum(['a', 'b']), z.string().max(3)),
    });
    expect(unboundedPaths(schema)).toEqual([
      '$.name',
      '$.tags',
      '$.nested.notes',
      '$.either',
      '$.tagged.text',
      '$.map{}',
    ]);
    expect(() => unboundedPaths(z.object({ when: z.date() }))).toThrow(/unknown zod type "date"/);
  });
});
