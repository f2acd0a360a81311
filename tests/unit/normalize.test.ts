import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { domainToAscii } from '@core/text/punycode';
import {
  foldForSearch,
  initialsOf,
  isIsoDate,
  normalizeEmail,
  normalizePhone,
} from '@core/text/normalize';
import { formatCents, parseAmountToCents, translate, translateKeyOf } from '@core/i18n';

describe('domainToAscii', () => {
  it('encodes umlaut domains as punycode (RFC 3492 examples)', () => {
    expect(domainToAscii('münchen.de')).toBe('xn--mnchen-3ya.de');
    expect(domainToAscii('Bücher.example')).toBe('xn--bcher-kva.example');
    expect(domainToAscii('straße.de')).toBe('xn--strae-oqa.de');
    expect(domainToAscii('firma.de')).toBe('firma.de');
  });
  it.each([
    'schmück.de',
    'köln-bonn.de',
    'ärzte-öffnungszeiten.de',
    'éçà.fr',
    'żółć.pl',
    'ñandú.es',
  ])('agrees with the WHATWG URL encoder for %s', (domain) => {
    expect(domainToAscii(domain)).toBe(domainToASCII(domain));
  });
});

describe('normalizeEmail', () => {
  it('trims, lower-cases the domain and keeps the local part', () => {
    expect(normalizeEmail('  Anna.Petersen@Schick-Und-Schmuck.DE ')).toBe(
      'Anna.Petersen@schick-und-schmuck.de',
    );
  });
  it('accepts umlaut domains and stores them as punycode', () => {
    expect(normalizeEmail('info@münchen.de')).toBe('info@xn--mnchen-3ya.de');
  });
  it.each([
    'name(at)firma',
    'a@b',
    '@firma.de',
    'anna@',
    'an na@firma.de',
    'a..b@firma.de',
    'a@firma..de',
  ])('rejects %s', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });
  it('rejects a domain label too long for DNS instead of failing on its encoding', () => {
    // Thousands of high code points overflow the punycode encoder's delta (RangeError).
    const label = '\u{10FFFF}ä'.repeat(2000);
    expect(normalizeEmail(`info@${label}.de`)).toBeNull();
    expect(domainToAscii(`${label}.de`)).toBe(`${label}.de`);
  });
});

describe('normalizePhone', () => {
  it('reads German national numbers and stores E.164', () => {
    expect(normalizePhone('030 12345678')).toBe('+493012345678');
    expect(normalizePhone('+49 (0)89 1234567')).toBe('+49891234567');
    expect(normalizePhone('0171 2345678')).toBe('+491712345678');
  });
  it('rejects what libphonenumber-js rejects', () => {
    expect(normalizePhone('12')).toBeNull();
    expect(normalizePhone('abc')).toBeNull();
    expect(normalizePhone('0000 0')).toBeNull();
  });
});

describe('text helpers', () => {
  it('folds umlauts and case for search', () => {
    expect(foldForSearch('Müller  GROß Äpfel')).toBe('mueller gross aepfel');
    expect(foldForSearch('José')).toBe('jose');
  });
  it('derives initials', () => {
    expect(initialsOf('Anna Petersen')).toBe('AP');
    expect(initialsOf('Jana Maria Becker')).toBe('JB');
    expect(initialsOf('Ole')).toBe('OL');
  });
  it('knows real calendar days', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('31.12.2026')).toBe(false);
  });
});

describe('money and messages', () => {
  it('parses German and English amounts into cents', () => {
    expect(parseAmountToCents('1.234,56 €')).toBe(123456);
    expect(parseAmountToCents('1,234.56')).toBe(123456);
    expect(parseAmountToCents('4000')).toBe(400000);
    expect(parseAmountToCents('1.234')).toBe(123400);
    expect(parseAmountToCents('12,5')).toBe(1250);
    expect(parseAmountToCents('-5')).toBe(-500);
    expect(parseAmountToCents('zwölf')).toBeNull();
    expect(parseAmountToCents('')).toBeNull();
  });
  it('formats cents per language', () => {
    expect(formatCents(123456, 'de', 2).replace(/\u00a0/g, ' ')).toBe('1.234,56 €');
    expect(formatCents(123456, 'en', 2)).toBe('€1,234.56');
  });
  it('translates with placeholders and shows unknown keys', () => {
    expect(translate('de', 'errors.DB_NOT_SQLITE', { file: 'x.txt' })).toContain('„x.txt“');
    expect(translate('en', 'stages.customer')).toBe('Customer');
    expect(translateKeyOf('de', 'nope.nothing')).toBe('nope.nothing');
  });
});
