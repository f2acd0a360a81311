import { describe, expect, it } from 'vitest';
import {
  isTitleWord,
  looksLikeFormula,
  parseAmountCents,
  parseBuyingRole,
  parseCount,
  parseDate,
  parseEmail,
  parseFlag,
  parsePhone,
  parseSalutation,
  parseSourceChannel,
  parseStage,
  splitFullName,
} from '@core/import/values';

describe('parseDate', () => {
  it.each([
    ['31.12.2025', '2025-12-31'],
    ['1.2.2025', '2025-02-01'],
    ['01.02.2025', '2025-02-01'],
    ['31.12.25', '2025-12-31'],
    ['1.1.69', '2069-01-01'],
    ['1.1.70', '1970-01-01'],
    ['15.06.99', '1999-06-15'],
    ['29.02.2024', '2024-02-29'],
    ['31/12/2025', '2025-12-31'],
    ['31.12.2025 10:00', '2025-12-31'],
    ['2025-12-31', '2025-12-31'],
    ['2025-12-31T10:00:00Z', '2025-12-31'],
    ['2025-12-31T23:30:00+01:00', '2025-12-31'],
    ['2025-12-31 10:00', '2025-12-31'],
    ['2025-1-5', '2025-01-05'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    '32.13.2026',
    '29.02.2025',
    '31.04.2025',
    '2025-02-30',
    '2025-13-01',
    '45657',
    '12/31/2025',
    'morgen',
    '31.12.',
    '31.12.2025.',
    '2025-12-31 foo',
  ])('rejects %s', (text) => {
    expect(parseDate(text)).toEqual({ ok: false, code: 'date_invalid' });
  });
});

describe('parseAmountCents', () => {
  it.each([
    ['1.234,56 €', 123456],
    ['1234,56', 123456],
    ['1,234.56', 123456],
    ['€ 1,234.56', 123456],
    ['€1,234.56', 123456],
    ['EUR 1.234', 123400],
    ['1.234 EUR', 123400],
    ['1234 Euro', 123400],
    ['1 234,56', 123456],
    ['1\u00a0234,56 €', 123456],
    ['1\u202f234,56', 123456],
    ['12.345.678', 1234567800],
    ['1,234,567.89', 123456789],
    ['1.234.567,89', 123456789],
    ['1.234', 123400],
    ['1,5', 150],
    ['1,234', 123],
    ['1,235', 124],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0,005', 1],
    ['0', 0],
    ['1.234,- €', 123400],
    ['100000000000', 10_000_000_000_000],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseAmountCents(text)).toEqual({ ok: true, value: cents });
  });

  it.each([
    '-5',
    '- 5',
    '5-',
    '+5',
    'abc',
    '12 34',
    '1.23.4',
    '1,234.567,8',
    '1.2,3.4',
    '€',
    '',
    '100000000000,01',
    '1e5',
    '5 $',
  ])('rejects %s', (text) => {
    expect(parseAmountCents(text)).toEqual({ ok: false, code: 'amount_invalid' });
  });
});

describe('parseCount', () => {
  it.each([
    ['1200', 1200],
    ['1.200', 1200],
    ['1,200', 1200],
    ['1 200', 1200],
    ['0', 0],
    ['ca. 50', 50],
    ['circa 50', 50],
    ['~50', 50],
    ['>500', 500],
    ['> 500', 500],
    ['über 500', 500],
    ['more than 500', 500],
    ['500+', 500],
    ['50-100', 50],
    ['50 - 100', 50],
    ['50–100', 50],
    ['50 bis 100', 50],
    ['50 to 100', 50],
    ['1.000-5.000', 1000],
    ['250 Mitarbeiter', 250],
    ['250 employees', 250],
    ['1200,00', 1200],
  ])('reads %s as %i', (text, count) => {
    expect(parseCount(text)).toEqual({ ok: true, value: count });
  });

  it.each(['-5', '1,5', '12.5', 'viele', '100-50', '50-', '20000000', '1.200.5'])(
    'rejects %s',
    (text) => {
      expect(parseCount(text)).toEqual({ ok: false, code: 'number_invalid' });
    },
  );
});

describe('parseEmail', () => {
  it.each([
    ['max@firma.de', 'max@firma.de'],
    ['Max.Mustermann@Firma.DE', 'Max.Mustermann@firma.de'],
    ['mailto:max@firma.de', 'max@firma.de'],
    ['MAILTO:max@firma.de?subject=Hallo', 'max@firma.de'],
    ['"Max Mustermann" <max@firma.de>', 'max@firma.de'],
    ['Max Mustermann <max@firma.de>', 'max@firma.de'],
    ['info@müller.de', 'info@xn--mller-kva.de'],
    ['Info@MÜLLER.de', 'Info@xn--mller-kva.de'],
  ])('reads %s as %s', (text, email) => {
    expect(parseEmail(text)).toEqual({ ok: true, value: email });
  });

  it.each([
    'name(at)firma',
    'name(at)firma.de',
    'name at firma.de',
    'name@@firma.de',
    'a@b@firma.de',
    'max@firma',
    'max@',
    '@firma.de',
    'max firma@firma.de',
    '<>',
    'x'.repeat(2000),
  ])('rejects %s', (text) => {
    expect(parseEmail(text)).toEqual({ ok: false, code: 'email_invalid' });
  });
});

describe('parsePhone', () => {
  it.each([
    ['030 1234567', '+49301234567'],
    ['+49 30 1234567', '+49301234567'],
    ['0049 30 1234567', '+49301234567'],
    ['+49 (0)30 1234567', '+49301234567'],
    ['(030) 123 45 67', '+49301234567'],
    ['030/1234567', '+49301234567'],
    ['tel:+49301234567', '+49301234567'],
    ['0171 1234567', '+491711234567'],
    ['+43 1 234567', '+431234567'],
    ['+41 44 668 18 00', '+41446681800'],
  ])('reads %s as %s', (text, phone) => {
    expect(parsePhone(text)).toEqual({ ok: true, value: phone });
  });

  it.each(['abc', '123', '+49 1', 'Zentrale', '9'.repeat(200)])('rejects %s', (text) => {
    expect(parsePhone(text)).toEqual({ ok: false, code: 'phone_invalid' });
  });
});

describe('parseSalutation', () => {
  it.each([
    ['Herr', 'herr'],
    ['herr', 'herr'],
    ['HERR', 'herr'],
    ['Hr.', 'herr'],
    ['Hrn.', 'herr'],
    ['Herrn', 'herr'],
    ['Mr', 'herr'],
    ['Mr.', 'herr'],
    ['Herr Dr.', 'herr'],
    ['Frau', 'frau'],
    ['Fr.', 'frau'],
    ['Mrs', 'frau'],
    ['Mrs.', 'frau'],
    ['Ms', 'frau'],
    ['Ms.', 'frau'],
    ['Miss', 'frau'],
    ['Frau Prof. Dr.', 'frau'],
    ['Divers', 'divers'],
    ['Mx', 'divers'],
    ['Mx.', 'divers'],
    ['Firma', 'none'],
    ['Familie', 'none'],
    ['', 'none'],
  ])('reads %s as %s', (text, salutation) => {
    expect(parseSalutation(text)).toEqual({ ok: true, value: salutation });
  });

  it.each(['Sir', 'Dr.', 'Liebe', 'Hallo Herr'])('does not know %s', (text) => {
    expect(parseSalutation(text)).toEqual({ ok: false, code: 'salutation_unknown' });
  });
});

describe('parseBuyingRole, parseStage, parseSourceChannel', () => {
  it.each([
    ['decision_maker', 'decision_maker'],
    ['Entscheider', 'decision_maker'],
    ['Decision maker', 'decision_maker'],
    ['DECISION MAKER', 'decision_maker'],
    ['decision-maker', 'decision_maker'],
    ['Beeinflusser', 'influencer'],
    ['Anwender', 'user'],
    ['User', 'user'],
    ['Assistenz (ohne Entscheidungsbefugnis)', 'assistant'],
    ['Assistant (no authority)', 'assistant'],
    ['Unbekannt', 'unknown'],
  ])('reads the buying role %s', (text, role) => {
    expect(parseBuyingRole(text)).toEqual({ ok: true, value: role });
  });

  it.each([
    ['mql', 'mql'],
    ['MQL', 'mql'],
    ['Opportunity', 'opportunity'],
    ['Kunde', 'customer'],
    ['Customer', 'customer'],
    ['Pflege', 'nurture'],
    ['nurture', 'nurture'],
    ['Disqualifiziert', 'disqualified'],
    ['Verloren', 'lost'],
    ['lost', 'lost'],
  ])('reads the stage %s', (text, stage) => {
    expect(parseStage(text)).toEqual({ ok: true, value: stage });
  });

  it.each([
    ['trade_fair', 'trade_fair'],
    ['Messe', 'trade_fair'],
    ['Trade fair', 'trade_fair'],
    ['trade fair', 'trade_fair'],
    ['Empfehlung', 'referral'],
    ['Gekaufte Liste', 'purchased_list'],
    ['Kaltakquise', 'cold_call'],
    ['E-Mail-Akquise', 'email_prospecting'],
    ['email prospecting', 'email_prospecting'],
    ['Suchmaschine (SEO)', 'seo'],
    ['Lunch & Learn', 'lunch_and_learn'],
    ['lunch and learn', 'lunch_and_learn'],
    ['Sonstiges', 'other'],
  ])('reads the source channel %s', (text, channel) => {
    expect(parseSourceChannel(text)).toEqual({ ok: true, value: channel });
  });

  it('folds umlauts either way', () => {
    expect(parseBuyingRole('Entscheidungsträger')).toEqual({ ok: true, value: 'decision_maker' });
    expect(parseBuyingRole('Entscheidungstraeger')).toEqual({ ok: true, value: 'decision_maker' });
    expect(parseBuyingRole('Entscheidungstrager')).toEqual({ ok: true, value: 'decision_maker' });
  });

  it('reports unknown values with their own code', () => {
    expect(parseBuyingRole('Chef')).toEqual({ ok: false, code: 'role_unknown' });
    expect(parseStage('Heiß')).toEqual({ ok: false, code: 'stage_unknown' });
    expect(parseSourceChannel('Brieftaube')).toEqual({ ok: false, code: 'channel_unknown' });
  });
});

describe('parseFlag', () => {
  it.each(['ja', 'Ja', 'JA', 'yes', 'true', 'TRUE', 'wahr', 'WAHR', '1', 'x', 'X', 'j', 'y'])(
    'reads %s as true',
    (text) => {
      expect(parseFlag(text)).toEqual({ ok: true, value: true });
    },
  );
  it.each(['nein', 'Nein', 'no', 'false', 'FALSCH', 'falsch', '0', '', 'n'])(
    'reads %s as false',
    (text) => {
      expect(parseFlag(text)).toEqual({ ok: true, value: false });
    },
  );
  it.each(['vielleicht', '2', 'ok'])('rejects %s', (text) => {
    expect(parseFlag(text)).toEqual({ ok: false, code: 'flag_invalid' });
  });
});

describe('looksLikeFormula', () => {
  it.each(['=HYPERLINK("https://x.de")', '=SUMME(A1:A3)', '=1+2', '=(A1)', '=a1'])(
    'flags %s',
    (text) => {
      expect(looksLikeFormula(text)).toBe(true);
    },
  );
  it.each(['=', '== Überschrift ==', '= 5', '+49 30 1234567', '-5', 'Max = Chef', 'a=b'])(
    'leaves %s alone',
    (text) => {
      expect(looksLikeFormula(text)).toBe(false);
    },
  );
});

describe('isTitleWord', () => {
  it.each(['Dr.', 'Prof.', 'Dr.-Ing.', 'Dipl.-Ing.', 'Dipl.-Kfm.', 'med.', 'Dr', 'MBA', 'PD'])(
    'knows %s',
    (word) => {
      expect(isTitleWord(word)).toBe(true);
    },
  );
  it.each(['M.', 'Anna', 'Drescher', 'Ingo', 'St.', 'von'])('does not take %s', (word) => {
    expect(isTitleWord(word)).toBe(false);
  });
});

describe('splitFullName', () => {
  it.each([
    ['Anna Petersen', null, null, 'Anna', 'Petersen'],
    ['Dr. Anna Petersen', null, 'Dr.', 'Anna', 'Petersen'],
    ['Herr Max von Müller', 'herr', null, 'Max', 'von Müller'],
    ['Herr Prof. Dr. Max Müller', 'herr', 'Prof. Dr.', 'Max', 'Müller'],
    ['Frau Dr.-Ing. Eva Maria Schulz', 'frau', 'Dr.-Ing.', 'Eva Maria', 'Schulz'],
    ['Mrs. Jane Doe', 'frau', null, 'Jane', 'Doe'],
    ['Hans Peter Meier', null, null, 'Hans Peter', 'Meier'],
    ['Anna Maria de la Cruz', null, null, 'Anna Maria', 'de la Cruz'],
    ['Jan van der Berg', null, null, 'Jan', 'van der Berg'],
    ['Karl zu Guttenberg', null, null, 'Karl', 'zu Guttenberg'],
    ['Petersen, Anna', null, null, 'Anna', 'Petersen'],
    ['von Müller, Max', null, null, 'Max', 'von Müller'],
    ['Petersen, Dr. Anna', null, 'Dr.', 'Anna', 'Petersen'],
    ['Anna Petersen, MBA', null, 'MBA', 'Anna', 'Petersen'],
    ['Petersen', null, null, '', 'Petersen'],
    ['Herr Petersen', 'herr', null, '', 'Petersen'],
    ['  Anna   Petersen  ', null, null, 'Anna', 'Petersen'],
    ['Anna M. Petersen', null, null, 'Anna M.', 'Petersen'],
  ])('splits %s', (text, salutation, title, firstName, lastName) => {
    expect(splitFullName(text)).toEqual({ salutation, title, firstName, lastName });
  });
});
