import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from '@core/ipc/channels';
import { leadCreateSchema, leadFieldsSchema } from '@core/ipc/leads/schemas';
import { contract, eventContract } from '@core/ipc/schemas';
import { toFieldIssues } from '@core/ipc/issues';
import { catalogs } from '@core/i18n';
import { translate, translateKeyOf } from '@core/i18n';

describe('IPC contract', () => {
  it('has exactly one schema pair per channel and one payload per event', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(eventContract).sort()).toEqual([...EVENTS].sort());
  });

  it('names channels domain.verb', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('normalises lead input: trimmed names, punycode email, E.164 phone, empty text as null', () => {
    const parsed = leadCreateSchema.parse({
      firstName: '  Anna ',
      lastName: 'Petersen',
      email: 'anna@schmück.de',
      phone: '040 1234567',
      jobTitle: '',
    });
    expect(parsed).toMatchObject({
      firstName: 'Anna',
      email: 'anna@xn--schmck-6ya.de',
      phone: '+49401234567',
      jobTitle: null,
    });
  });

  it('reports every bad field with a translatable key', () => {
    const result = leadCreateSchema.safeParse({
      firstName: 'Anna',
      lastName: ' ',
      email: 'name(at)firma',
      phone: '12',
      expectedValueCents: -100,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = toFieldIssues(result.error);
    const byField = Object.fromEntries(issues.map((i) => [i.path.join('.'), i.key]));
    expect(byField).toEqual({
      lastName: 'validation.required',
      email: 'validation.email',
      phone: 'validation.phone',
      expectedValueCents: 'validation.negative',
    });
    for (const issue of issues) {
      expect(translateKeyOf('de', issue.key)).not.toBe(issue.key);
      expect(translateKeyOf('en', issue.key)).not.toBe(issue.key);
    }
  });

  it('rejects an impossible close date and a negative employee count', () => {
    const company = {
      name: 'Wolke7',
      industry: null,
      employees: -1,
      branches: null,
      website: null,
      street: null,
      postalCode: null,
      city: null,
      country: null,
    };
    const result = leadFieldsSchema
      .partial()
      .safeParse({ expectedCloseDate: '2026-02-30', company });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldIssues(result.error)).toEqual([
      { path: ['company', 'employees'], key: 'validation.negative' },
      { path: ['expectedCloseDate'], key: 'validation.date' },
    ]);
  });

  it('has the same keys in every language', () => {
    const keys = (node: unknown, prefix = ''): string[] =>
      typeof node === 'string'
        ? [prefix]
        : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
            keys(v, prefix ? `${prefix}.${k}` : k),
          );
    expect(keys(catalogs.en).sort()).toEqual(keys(catalogs.de).sort());
  });

  it('has a message for every error code', async () => {
    const { ERROR_CODES } = await import('@core/ipc/result');
    for (const code of ERROR_CODES) {
      expect(translate('de', `errors.${code}`)).not.toBe(`errors.${code}`);
    }
  });
});
