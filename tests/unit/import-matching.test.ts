import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from '@core/import/company-name';
import { contactsConflict, emailKey, isPossibleMatch, personKey } from '@core/import/match-keys';
import { koelnerPhonetik, phoneticKey } from '@core/import/phonetic';

describe('koelnerPhonetik', () => {
  // Expected codes worked out letter by letter from Postel's rules (codes, then runs
  // collapsed, then zeros dropped except a leading one); the first two are Wikipedia's.
  it.each([
    ['Wikipedia', '3412'], // 3 0 4 0 1 0 2 0 0
    ['Müller-Lüdenscheidt', '65752682'], // 6 0 5 5 0 7 5 0 2 0 6 8 8 0 0 2 2
    ['Müller', '657'],
    ['Mueller', '657'],
    ['MÜLLER', '657'],
    ['Meyer', '67'],
    ['Maier', '67'],
    ['Meier', '67'],
    ['Mayr', '67'],
    ['Schmidt', '862'],
    ['Schmitt', '862'],
    ['Schmid', '862'],
    ['Christian', '47826'], // C at the start before H → 4; T before I → 2
    ['Clara', '457'], // C at the start before L → 4
    ['Celina', '856'], // C at the start before E → 8
    ['Czerny', '876'], // C at the start before Z → 8
    ['Mica', '64'], // C inside before A → 4
    ['Schulz', '858'], // C after S → 8
    ['Marcus', '6748'],
    ['Markus', '6748'],
    ['Sachs', '848'], // C before H → 4
    ['Sax', '848'], // X not after C/K/Q → 48
    ['Xaver', '4837'], // X at the start → 48
    ['Axel', '0485'], // leading vowel keeps its 0
    ['Philipp', '351'], // P before H → 3, else 1
    ['Stadt', '822'], // D before T → 2
    ['Statt', '822'],
    ['Lutz', '58'], // T before Z → 8
    ['Anna', '06'],
    ['Otto', '02'],
    ['Jürgen', '0746'],
    ['Juergen', '0746'],
    ['Weiß', '38'],
    ['Weiss', '38'],
    ['Hans', '068'], // H has no code, so the A's 0 leads
    ['', ''],
    ['123', ''],
  ])('codes %s as %s', (word, code) => {
    expect(koelnerPhonetik(word)).toBe(code);
  });

  it('codes X after C, K or Q as 8 and D or T before C, S or Z as 8', () => {
    expect(koelnerPhonetik('Dux')).toBe('248');
    expect(koelnerPhonetik('Lux')).toBe('548');
    expect(koelnerPhonetik('Ackx')).toBe('048');
    expect(koelnerPhonetik('Mads')).toBe('68');
    expect(koelnerPhonetik('Madt')).toBe('62');
  });
});

describe('koelnerPhonetik on German names that sound alike', () => {
  // What the code does with the pairs that made the importer merge different people: each
  // group below codes alike, so a name key alone cannot tell these people apart.
  it.each([
    [['Meier', 'Meyer', 'Maier', 'Mayer'], '67'],
    [['Schmidt', 'Schmitt', 'Schmid'], '862'],
    [['Anna', 'Hanna', 'Jana', 'Jan'], '06'],
    [['Müller', 'Möller', 'Miller', 'Mueller'], '657'],
    [['Peter', 'Petra'], '127'],
    [['Christian', 'Christiane', 'Kristina'], '47826'],
    [['Michael', 'Michaela'], '645'],
    [['Schulz', 'Schultz', 'Schulze'], '858'],
  ])('codes %j alike (%s)', (names, code) => {
    for (const name of names) expect(koelnerPhonetik(name), name).toBe(code);
  });

  it('tells Fischer from Fischer only by the first name, and not always', () => {
    const firm = 'Fischer & Partner GmbH';
    expect(personKey('Peter', 'Fischer', firm)).toBe(personKey('Petra', 'Fischer', firm));
    expect(personKey('Anna', 'Fischer', firm)).toBe(personKey('Hanna', 'Fischer', firm));
    expect(personKey('Lena', 'Fischer', firm)).not.toBe(personKey('Lea', 'Fischer', firm));
    expect(personKey('Jörg', 'Müller', firm)).toBe(personKey('Jörg', 'Möller', firm));
  });
});

describe('isPossibleMatch', () => {
  it('takes only a similar name for a possible duplicate', () => {
    expect(isPossibleMatch('person')).toBe(true);
    expect(isPossibleMatch('email')).toBe(false);
    expect(isPossibleMatch('phone')).toBe(false);
    expect(isPossibleMatch('lead_id')).toBe(false);
  });
});

describe('contactsConflict', () => {
  const none = { email: null, phones: [] };
  it('finds two people in different emails or in numbers without one in common', () => {
    expect(contactsConflict({ email: 'a@x.de', phones: [] }, { email: 'b@x.de', phones: [] })).toBe(
      true,
    );
    expect(
      contactsConflict(
        { email: null, phones: ['+4930111'] },
        { email: null, phones: ['+4930222'] },
      ),
    ).toBe(true);
    // Same email, numbers that differ: still two ways of reaching different people.
    expect(
      contactsConflict(
        { email: 'a@x.de', phones: ['+4930111'] },
        { email: 'a@x.de', phones: ['+4930222'] },
      ),
    ).toBe(true);
  });

  it('sees no conflict where one side says nothing or the two share a number', () => {
    expect(contactsConflict(none, none)).toBe(false);
    expect(contactsConflict({ email: 'a@x.de', phones: ['+4930111'] }, none)).toBe(false);
    expect(
      contactsConflict({ email: 'a@x.de', phones: [] }, { email: null, phones: ['+49301'] }),
    ).toBe(false);
    expect(
      contactsConflict(
        { email: null, phones: ['+4930111', '+49171222'] },
        { email: 'b@x.de', phones: ['+49171222'] },
      ),
    ).toBe(false);
  });
});

describe('phoneticKey', () => {
  it('codes every word of a name on its own', () => {
    expect(phoneticKey('Hans-Peter')).toBe('068 127');
    expect(phoneticKey('Hans Peter')).toBe('068 127');
    expect(phoneticKey('  Hans   Peter ')).toBe('068 127');
    expect(phoneticKey('von Müller')).toBe('36 657');
    expect(phoneticKey('')).toBe('');
  });
});

describe('normalizeCompanyName', () => {
  it('gives Müller & Söhne in every spelling the same key', () => {
    const key = normalizeCompanyName('Mueller und Soehne');
    expect(key).toBe('mueller und soehne');
    for (const name of [
      'Müller & Söhne GmbH & Co. KG',
      'Müller & Söhne GmbH & Co.KG',
      'Müller & Söhne Gmbh&Co. KG',
      'MÜLLER & SÖHNE GMBH & CO. KG',
      'Müller and Söhne GmbH',
      'Müller + Söhne',
      'Mueller & Soehne AG',
      'Müller und Söhne e.K.',
      'Müller & Söhne KG',
      'Müller & Söhne OHG',
      'Müller  &  Söhne,  GmbH',
    ]) {
      expect(normalizeCompanyName(name), name).toBe(key);
    }
  });

  it.each([
    ['Bäckerei Schmidt e.K.', 'baeckerei schmidt'],
    ['Bäckerei Schmidt e. K.', 'baeckerei schmidt'],
    ['Schmidt e.Kfm.', 'schmidt'],
    ['Sportverein Grün-Weiß e.V.', 'sportverein gruen weiss'],
    ['Raiffeisenbank eG', 'raiffeisenbank'],
    ['Zahnarzt Start UG (haftungsbeschränkt)', 'zahnarzt start'],
    ['Zahnarzt Start UG', 'zahnarzt start'],
    ['Lebenshilfe gGmbH', 'lebenshilfe'],
    ['Wohnbau Gesellschaft mbH', 'wohnbau'],
    ['Henkel AG & Co. KGaA', 'henkel'],
    ['Allianz SE', 'allianz'],
    ['Meier & Partner GbR', 'meier und partner'],
    ['Huber Rechtsanwälte PartG mbB', 'huber rechtsanwaelte'],
    ['Acme Ltd.', 'acme'],
    ['Acme Ltd', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['Acme LLC', 'acme'],
    ['Société Générale S.A.', 'societe generale'],
    ['Dupont S.à r.l.', 'dupont'],
    ["McDonald's", 'mcdonalds'],
    ['AGRAR Handel', 'agrar handel'],
    ['AGRAR Handel AG', 'agrar handel'],
    ['Co-Working Berlin GmbH', 'co working berlin'],
    ['AG', 'ag'],
    ['  ', ''],
  ])('normalises %s to %s', (name, key) => {
    expect(normalizeCompanyName(name)).toBe(key);
  });
});

describe('emailKey', () => {
  it('compares whole addresses case-insensitively', () => {
    expect(emailKey('Max.Mustermann@firma.de')).toBe('max.mustermann@firma.de');
    expect(emailKey('MAX.MUSTERMANN@FIRMA.DE')).toBe(emailKey('max.mustermann@firma.de'));
  });
});

describe('personKey', () => {
  it('matches the same person at the same company across spellings', () => {
    const key = personKey('Jürgen', 'Weiß', 'Müller GmbH');
    expect(key).toBe('0746|38|mueller');
    expect(personKey('Juergen', 'Weiss', 'Mueller AG')).toBe(key);
    expect(personKey('JÜRGEN', 'WEISS', 'Müller')).toBe(key);
  });

  it('keeps different people and companies apart', () => {
    const key = personKey('Anna', 'Petersen', 'Nordlicht GmbH');
    expect(personKey('Anna', 'Peters', 'Nordlicht GmbH')).not.toBe(key);
    expect(personKey('Anna', 'Petersen', 'Südwind GmbH')).not.toBe(key);
    expect(personKey('Britta', 'Petersen', 'Nordlicht GmbH')).not.toBe(key);
    // J codes like a vowel, so Jana and Anna are the same name to Kölner Phonetik.
    expect(personKey('Jana', 'Petersen', 'Nordlicht GmbH')).toBe(key);
  });

  it('is null without both names and a company', () => {
    expect(personKey('Anna', 'Petersen', null)).toBeNull();
    expect(personKey('Anna', 'Petersen', '')).toBeNull();
    expect(personKey('Anna', 'Petersen', ' . ')).toBeNull();
    expect(personKey('', 'Petersen', 'Nordlicht GmbH')).toBeNull();
    expect(personKey('Anna', '', 'Nordlicht GmbH')).toBeNull();
  });
});
