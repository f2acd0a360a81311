import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VCard } from '@core/formats/vcard-properties';
import { parseVcards } from '@core/formats/vcard-reader';
import { VCARD_COLUMNS, vcardToCells } from '@core/import/vcard';

const VCARDS = resolve(import.meta.dirname, '../fixtures/shared/vcards');
const readVcards = (name: string): string => readFileSync(`${VCARDS}/${name}`, 'utf8');

/** A card's cells by column name. */
function cellsOf(card: VCard | undefined): Record<string, string> {
  if (card === undefined) throw new Error('no card');
  const cells = vcardToCells(card);
  return Object.fromEntries(VCARD_COLUMNS.map((column, i) => [column, cells[i] as string]));
}

const spaced = (count: number): string => Array.from({ length: count }, () => 'Ñ').join(' ');

describe('shared vCard fixtures', () => {
  it('Android 2.1: quoted-printable UTF-8 names with Ñ, soft line breaks, cards without names', () => {
    const { cards, skipped } = parseVcards(readVcards('John_Doe_ANDROID.vcf'));
    // The two cards with only an address are kept: their names come from the address.
    expect(skipped).toEqual([]);
    expect(cards).toHaveLength(6);
    expect(cards.every((card) => card.version === '2.1')).toBe(true);
    const [john, jane, first, second, third, fourth] = cards;
    const names = (card: typeof john) => {
      const cells = vcardToCells(card as NonNullable<typeof card>);
      return [cells[VCARD_COLUMNS.indexOf('Vorname')], cells[VCARD_COLUMNS.indexOf('Nachname')]];
    };
    expect(john?.line).toBe(1);
    expect(names(john)).toEqual(['John', 'Doe']);
    expect(names(jane)).toEqual(['Jane', 'Doe']);
    // Only the family part in N: the display name tells first and last name apart.
    expect(names(first)).toEqual([spaced(4), 'Ñ']);
    expect(names(third)).toEqual(['Ñ Ñ Ñ', 'Ñ Ñ']);
    // One word only: a last name without a first name.
    expect(names(fourth)).toEqual(['', 'ÑÑÑÑ']);

    expect(first?.line).toBe(11);
    expect(first?.lastName).toBe(spaced(4));
    expect(first?.formattedName).toBe(spaced(5));
    expect(first?.phones).toEqual([{ value: '123456789', types: ['cell', 'pref'] }]);

    // N and FN continue over a soft line break ("=" at the end of the line).
    expect(second?.lastName).toBe(spaced(11));
    expect(second?.formattedName).toBe(spaced(11));
    expect(second?.phones.map((phone) => phone.value)).toEqual([
      '123456',
      '234567',
      '3456789',
      '45678901',
    ]);
    // Two identical NOTEs, each over three lines; the break after "=C3=91=" joins two Ñ.
    expect(second?.note).toBe('Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ');

    expect(third?.lastName).toBe('Ñ Ñ');
    expect(third?.firstName).toBe('Ñ Ñ Ñ');
    expect(third?.organization).toBe('Ñ'.repeat(12));
    expect(third?.emails).toEqual([
      { value: 'bob@company.com', types: ['pref', 'work'] },
      { value: 'Ñ'.repeat(14), types: ['pref'] },
    ]);
    expect(third?.phones).toEqual([
      { value: '123456', types: ['cell', 'pref'] },
      { value: '123456', types: ['work'] },
      { value: '123456', types: ['work', 'fax'] },
    ]);
    expect(third?.urls).toEqual(['www.company.com', 'http://www.company.com']);

    // The ORG of the last card runs over four soft breaks and ends before a blank line.
    expect(fourth?.lastName).toBe('ÑÑÑÑ');
    expect(fourth?.organization).toBe('Ñ'.repeat(44));
    expect(fourth?.emails).toEqual([{ value: 'henry@company.com', types: ['pref'] }]);

    expect(cellsOf(third)).toMatchObject({
      Vorname: 'Ñ Ñ Ñ',
      Nachname: 'Ñ Ñ',
      Firma: 'Ñ'.repeat(12),
      'E-Mail-Adresse': 'bob@company.com',
      'E-Mail 2': 'Ñ'.repeat(14),
      Mobiltelefon: '123456',
      'Telefon geschäftlich': '123456',
      Webseite: 'www.company.com',
    });
    expect(cellsOf(second)).toMatchObject({
      Vorname: spaced(10),
      Nachname: 'Ñ',
      Mobiltelefon: '123456',
      'Telefon privat': '234567',
      'Telefon geschäftlich': '',
    });
  });

  it('Gmail 3.0: escaped commas, folded address and note, grouped properties', () => {
    const { cards, skipped } = parseVcards(readVcards('John_Doe_GMAIL.vcf'));
    expect(skipped).toEqual([]);
    const [card] = cards;
    expect(card).toMatchObject({
      version: '3.0',
      prefix: 'Mr.',
      firstName: 'John',
      middleName: 'Richter, James',
      lastName: 'Doe',
      suffix: 'Sr.',
      formattedName: 'Mr. John Richter, James Doe Sr.',
      organization: 'IBM',
      title: 'Money Counter',
      emails: [{ value: 'john.doe@ibm.com', types: ['internet', 'home'] }],
      phones: [
        { value: '905-555-1234', types: ['cell'] },
        { value: '905-666-1234', types: ['home'] },
      ],
      urls: ['http://www.ibm.com'],
    });
    expect(card?.addresses).toEqual([
      {
        street:
          'Crescent moon drive\n555-asd\nNice Area, Albaney, New York 12345\nUnited States of America',
        city: null,
        region: null,
        postalCode: null,
        country: null,
        types: ['home'],
      },
    ]);
    expect(card?.note).toMatch(/^THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIB/);
    expect(card?.note).toContain('CONTRIBUTORS "AS IS" AND ANY EXPRESS');
    expect(card?.note).toContain('SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS');
    expect(card?.note?.endsWith('SUCH DAMAGE.\nFavotire Color: Blue')).toBe(true);
    expect(cellsOf(card)).toMatchObject({
      Anrede: 'Mr.',
      Titel: '',
      Vorname: 'John Richter, James',
      Nachname: 'Doe',
      Firma: 'IBM',
      Position: 'Money Counter',
      'E-Mail-Adresse': 'john.doe@ibm.com',
      Mobiltelefon: '905-555-1234',
      'Telefon privat': '905-666-1234',
      'Telefon geschäftlich': '',
      Straße:
        'Crescent moon drive, 555-asd, Nice Area, Albaney, New York 12345, United States of America',
    });
  });

  it('iPhone 3.0 (CR CR LF line ends): types, department, work address, photo skipped', () => {
    const { cards, skipped } = parseVcards(readVcards('John_Doe_IPHONE.vcf'));
    expect(skipped).toEqual([]);
    const [card] = cards;
    expect(card).toMatchObject({
      prefix: 'Mr.',
      firstName: 'John',
      middleName: 'Richter James',
      lastName: 'Doe',
      suffix: 'Sr.',
      organization: 'IBM',
      department: 'Accounting',
      title: 'Money Counter',
      emails: [{ value: 'john.doe@ibm.com', types: ['internet', 'pref'] }],
      urls: ['http://www.ibm.com'],
      note: null,
    });
    expect(card?.phones).toEqual([
      { value: '905-555-1234', types: ['cell', 'voice', 'pref'] },
      { value: '905-666-1234', types: ['home', 'voice'] },
      { value: '905-777-1234', types: ['work', 'voice'] },
      { value: '905-888-1234', types: ['home', 'fax'] },
      { value: '905-999-1234', types: ['work', 'fax'] },
      { value: '905-111-1234', types: ['pager'] },
      { value: '905-222-1234', types: [] },
    ]);
    expect(card?.addresses[1]).toEqual({
      street: 'Street4\nBuilding 6\nFloor 8',
      city: 'New York',
      region: null,
      postalCode: '12345',
      country: 'USA',
      types: ['work'],
    });
    expect(cellsOf(card)).toEqual({
      Anrede: 'Mr.',
      Titel: '',
      Vorname: 'John Richter James',
      Nachname: 'Doe',
      Firma: 'IBM',
      Abteilung: 'Accounting',
      Position: 'Money Counter',
      Rolle: '',
      'E-Mail-Adresse': 'john.doe@ibm.com',
      'E-Mail 2': '',
      'Telefon geschäftlich': '905-777-1234',
      Mobiltelefon: '905-555-1234',
      'Telefon privat': '905-666-1234',
      Straße: 'Street4, Building 6, Floor 8',
      PLZ: '12345',
      Ort: 'New York',
      Land: 'USA',
      Webseite: 'http://www.ibm.com',
      Notizen: '',
    });
  });

  it('Gmail list: three cards in one file, the last without a final line break', () => {
    const { cards, skipped } = parseVcards(readVcards('gmail-list.vcf'));
    expect(skipped).toEqual([]);
    expect(
      cards.map((card) => [card.line, card.firstName, card.lastName, card.emails[0]?.value]),
    ).toEqual([
      [1, 'Arnold', 'Smith', 'asmithk@gmail.com'],
      [7, 'Chris', 'Beatle', 'chrisy55d@yahoo.com'],
      [13, 'Doug', 'White', 'dwhite@gmail.com'],
    ]);
  });

  it('RFC 2426 examples: FN only, folded ADR, comma-separated TYPE', () => {
    const { cards } = parseVcards(readVcards('rfc2426-example.vcf'));
    expect(cards).toHaveLength(2);
    const [frank, tim] = cards;
    expect(frank?.addresses).toEqual([
      {
        street: '6544 Battleford Drive',
        city: 'Raleigh',
        region: 'NC',
        postalCode: '27613-3502',
        country: 'U.S.A.',
        types: ['work', 'postal', 'parcel'],
      },
    ]);
    expect(cellsOf(frank)).toMatchObject({
      Vorname: 'Frank',
      Nachname: 'Dawson',
      Firma: 'Lotus Development Corporation',
      'E-Mail-Adresse': 'Frank_Dawson@Lotus.com',
      'E-Mail 2': 'fdawson@earthlink.net',
      'Telefon geschäftlich': '+1-919-676-9515',
      Straße: '6544 Battleford Drive',
      PLZ: '27613-3502',
      Ort: 'Raleigh',
      Land: 'U.S.A.',
      Webseite: 'http://home.earthlink.net/~fdawson',
    });
    expect(cellsOf(tim)).toMatchObject({
      Vorname: 'Tim',
      Nachname: 'Howes',
      Firma: 'Netscape Communications Corp.',
      'Telefon geschäftlich': '+1-415-937-3419',
      PLZ: '94043',
      Ort: 'Mountain View',
    });
  });

  it('RFC 6350 example: 4.0 tel URIs, quoted TYPE lists, PREF=1, list suffix', () => {
    const { cards } = parseVcards(readVcards('rfc6350-example.vcf'));
    const [card] = cards;
    expect(card).toMatchObject({
      version: '4.0',
      firstName: 'Simon',
      lastName: 'Perreault',
      suffix: 'ing. jr, M.Sc.',
      organization: 'Viagenie',
      emails: [{ value: 'simon.perreault@viagenie.ca', types: ['work'] }],
      urls: ['http://nomis80.org'],
    });
    expect(card?.phones).toEqual([
      { value: '+1-418-656-9254 ext. 102', types: ['work', 'voice', 'pref'] },
      { value: '+1-418-262-6501', types: ['work', 'cell', 'voice', 'video', 'text'] },
    ]);
    expect(cellsOf(card)).toMatchObject({
      'Telefon geschäftlich': '+1-418-656-9254 ext. 102',
      Mobiltelefon: '+1-418-262-6501',
      Straße: '2875 Laurier, Suite D2-630',
      PLZ: 'G1V 2M2',
      Ort: 'Quebec',
      Land: 'Canada',
    });
  });
});

describe('hand-written vCards', () => {
  it('2.1 with quoted-printable ISO-8859-1 and windows-1252, soft breaks, bare types', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen;;Herr Dr.;',
      'FN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Herr Dr. J=FCrgen M=FCller',
      'ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller & S=F6hne GmbH & Co. KG;Gesch=E4fts=',
      'leitung',
      'TITLE:Gesch=E4ftsf=FChrer',
      'TEL;WORK;VOICE:0711 2345678',
      'TEL;CELL:0171 2345678',
      'TEL;HOME;FAX:0711 999',
      'EMAIL;INTERNET:juergen@mueller-privat.de',
      'EMAIL;INTERNET;WORK:j.mueller@mueller-soehne.de',
      'ADR;WORK;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:;;K=F6nigstra=DFe 12;Stuttgart;;70173;Deutschl=',
      'and',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:Budget ca. 25.000 =80=0D=0A=',
      'R=FCckruf erbeten',
      'END:VCARD',
      '',
    ].join('\r\n');
    const { cards, skipped } = parseVcards(text);
    expect(skipped).toEqual([]);
    const [card] = cards;
    expect(card).toMatchObject({
      version: '2.1',
      prefix: 'Herr Dr.',
      firstName: 'Jürgen',
      lastName: 'Müller',
      formattedName: 'Herr Dr. Jürgen Müller',
      organization: 'Müller & Söhne GmbH & Co. KG',
      department: 'Geschäftsleitung',
      // Not quoted-printable, so taken literally.
      title: 'Gesch=E4ftsf=FChrer',
      note: 'Budget ca. 25.000 €\nRückruf erbeten',
    });
    expect(cellsOf(card)).toEqual({
      Anrede: 'Herr',
      Titel: 'Dr.',
      Vorname: 'Jürgen',
      Nachname: 'Müller',
      Firma: 'Müller & Söhne GmbH & Co. KG',
      Abteilung: 'Geschäftsleitung',
      Position: 'Gesch=E4ftsf=FChrer',
      Rolle: '',
      'E-Mail-Adresse': 'j.mueller@mueller-soehne.de',
      'E-Mail 2': 'juergen@mueller-privat.de',
      'Telefon geschäftlich': '0711 2345678',
      Mobiltelefon: '0171 2345678',
      'Telefon privat': '',
      Straße: 'Königstraße 12',
      PLZ: '70173',
      Ort: 'Stuttgart',
      Land: 'Deutschland',
      Webseite: '',
      Notizen: 'Budget ca. 25.000 €\nRückruf erbeten',
    });
  });

  it('3.0 with folded lines (space and tab), escapes and grouped properties', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Schäfer;Änne;;Frau;',
      'FN:Änne Schäfer',
      'ORG:Bäckerei Schäfer e.K.',
      'TITLE:Inhaberin und Konditor',
      ' meisterin',
      'ROLE:Entscheiderin',
      'item1.EMAIL;type=INTERNET;type=WORK:info@baeckerei-',
      '\tschaefer.de',
      'item1.X-ABLabel:_$!<Work>!$_',
      'TEL;TYPE=WORK,VOICE:+49 89 12345678',
      'TEL;TYPE=HOME:+49 89 7654321',
      'NOTE:Liefert\\, wenn bestellt\\; Zahlung per Rechnung\\nSeit 2019 Kundin \\\\ Partnerin',
      'URL:https://www.baeckerei-schaefer.de',
      'END:VCARD',
    ].join('\n');
    const [card] = parseVcards(text).cards;
    expect(card?.title).toBe('Inhaberin und Konditormeisterin');
    expect(card?.emails).toEqual([
      { value: 'info@baeckerei-schaefer.de', types: ['internet', 'work'] },
    ]);
    expect(card?.note).toBe(
      'Liefert, wenn bestellt; Zahlung per Rechnung\nSeit 2019 Kundin \\ Partnerin',
    );
    expect(cellsOf(card)).toMatchObject({
      Anrede: 'Frau',
      Vorname: 'Änne',
      Nachname: 'Schäfer',
      Firma: 'Bäckerei Schäfer e.K.',
      Position: 'Inhaberin und Konditormeisterin',
      Rolle: 'Entscheiderin',
      'E-Mail-Adresse': 'info@baeckerei-schaefer.de',
      'Telefon geschäftlich': '+49 89 12345678',
      'Telefon privat': '+49 89 7654321',
      Webseite: 'https://www.baeckerei-schaefer.de',
    });
  });

  it('4.0 without N: names from FN, titles split off, tel: URI, organisation units', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'KIND:individual',
      'FN:Prof. Dr. Ingrid Maria Groß',
      'ORG:Groß Medizintechnik GmbH;Vertrieb;Süd',
      'TEL;VALUE=uri;TYPE="cell,text";PREF=1:tel:+49-160-1234567',
      'TEL;VALUE=uri;TYPE=work:tel:+49-911-123456',
      'EMAIL;TYPE=work:mailto:ingrid.gross@gross-medtech.de',
      'ADR;TYPE=work;LABEL="Äußere Sulzbacher Str. 7\\n90489 Nürnberg":;;Äußere Sulzbacher Str. 7;Nürnberg;Bayern;90489;Deutschland',
      'PHOTO:data:image/png;base64,iVBORw0KGgo=',
      'END:VCARD',
    ].join('\r\n');
    const [card] = parseVcards(text).cards;
    expect(card).toMatchObject({
      version: '4.0',
      firstName: null,
      lastName: null,
      formattedName: 'Prof. Dr. Ingrid Maria Groß',
      organization: 'Groß Medizintechnik GmbH',
      department: 'Vertrieb, Süd',
      phones: [
        { value: '+49-160-1234567', types: ['cell', 'text', 'pref'] },
        { value: '+49-911-123456', types: ['work'] },
      ],
      emails: [{ value: 'ingrid.gross@gross-medtech.de', types: ['work'] }],
    });
    expect(cellsOf(card)).toMatchObject({
      Anrede: '',
      Titel: 'Prof. Dr.',
      Vorname: 'Ingrid Maria',
      Nachname: 'Groß',
      Abteilung: 'Vertrieb, Süd',
      Mobiltelefon: '+49-160-1234567',
      'Telefon geschäftlich': '+49-911-123456',
      Straße: 'Äußere Sulzbacher Str. 7',
      PLZ: '90489',
      Ort: 'Nürnberg',
      Land: 'Deutschland',
    });
  });

  it('does not split a formatted name that is the company', () => {
    const [card] = parseVcards(
      'BEGIN:VCARD\nVERSION:3.0\nFN:Müller & Söhne GmbH & Co. KG\nORG:Müller & Söhne GmbH & Co. KG\nEND:VCARD\n',
    ).cards;
    expect(cellsOf(card)).toMatchObject({
      Vorname: '',
      Nachname: '',
      Firma: 'Müller & Söhne GmbH & Co. KG',
    });
  });

  it('reports cards without END as broken and keeps reading', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Anna Petersen',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Schulz;Bernd;;;',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'EMAIL:ohne.namen@example.de',
      'END:VCARD',
      'BEGIN:VCARD',
      'TEL:0301234567',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Abgeschnitten',
    ].join('\n');
    const { cards, skipped } = parseVcards(text);
    expect(cards.map((card) => card.lastName)).toEqual(['Schulz', null]);
    expect(vcardToCells(cards[1] as VCard).slice(2, 4)).toEqual(['Ohne', 'Namen']);
    expect(skipped).toEqual([
      { line: 1, reason: 'broken' },
      { line: 12, reason: 'no_name' },
      { line: 15, reason: 'broken' },
    ]);
    expect(parseVcards('')).toEqual({ cards: [], skipped: [] });
  });
});
