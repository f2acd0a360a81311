import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VCard, VCardParseResult } from '@core/formats/vcard-properties';
import {
  createVcardReader,
  MAX_VCARD_CARD_LENGTH,
  MAX_VCARD_LINE_LENGTH,
  parseVcards,
} from '@core/formats/vcard-reader';
import { vcardToCells } from '@core/import/vcard';

const VCARDS = resolve(import.meta.dirname, '../fixtures/shared/vcards');
const FIXTURES = readdirSync(VCARDS).map((name) => ({
  name,
  text: readFileSync(`${VCARDS}/${name}`, 'utf8'),
}));

/** Reads `text` fed in the pieces between `cuts` (sorted positions). */
function readInPieces(text: string, cuts: readonly number[]): VCardParseResult {
  const reader = createVcardReader();
  const result: VCardParseResult = { cards: [], skipped: [] };
  const take = (part: VCardParseResult) => {
    result.cards.push(...part.cards);
    result.skipped.push(...part.skipped);
  };
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    take(reader.push(text.slice(from, cut)));
    from = cut;
  }
  take(reader.end());
  return result;
}

describe('streaming vCard reader: pieces of any size give the same cards', () => {
  /**
   * Every split position of the small fixtures; of the iPhone export (46 KB, mostly a
   * photo) every position within three characters of a line break and every 50th.
   */
  function splitPositions(text: string): number[] {
    const all = Array.from({ length: text.length + 1 }, (_, i) => i);
    if (text.length <= 5000) return all;
    const nearBreak = (i: number) => /[\r\n]/.test(text.slice(Math.max(0, i - 3), i + 3));
    return all.filter((i) => i % 50 === 0 || nearBreak(i));
  }

  it('every split position of the shared fixtures', () => {
    for (const { name, text } of FIXTURES) {
      const whole = parseVcards(text);
      expect(whole.cards.length, name).toBeGreaterThan(0);
      const expected = JSON.stringify(whole);
      for (const cut of splitPositions(text)) {
        const split = readInPieces(text, [cut]);
        // Compared as JSON first: thousands of deep comparisons would take seconds.
        if (JSON.stringify(split) !== expected)
          expect(split, `${name} cut at ${cut}`).toEqual(whole);
      }
    }
  });

  it('any number of cuts anywhere (property)', () => {
    const fixture = fc.constantFrom(...FIXTURES);
    fc.assert(
      fc.property(fixture, fc.array(fc.nat(), { maxLength: 30 }), ({ text }, positions) => {
        const cuts = [...new Set(positions.map((p) => p % (text.length + 1)))].sort(
          (a, b) => a - b,
        );
        expect(readInPieces(text, cuts)).toEqual(parseVcards(text));
      }),
      { numRuns: 300 },
    );
  });

  it('one character at a time', () => {
    for (const { text } of FIXTURES.filter((f) => f.text.length < 10_000)) {
      const cuts = Array.from({ length: text.length }, (_, i) => i);
      expect(readInPieces(text, cuts)).toEqual(parseVcards(text));
    }
  });

  /** Lines a generated file is made of: cards, folds, soft breaks, blank lines, garbage. */
  const LINES = [
    'BEGIN:VCARD',
    'END:VCARD',
    'VERSION:2.1',
    'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BC=',
    'ller;J=C3=BCrgen',
    'FN:Anna',
    ' Berg',
    '\tvon Berg',
    'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:Budget =80=',
    'NOTE:erste\\n\\nzweite',
    'NOTE:zweite',
    'EMAIL;TYPE=INTERNET:anna@berg.de',
    'TEL;TYPE=CELL:+49 171 2345678',
    'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ',
    ' AAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDAoI',
    '',
    '   ',
    '=',
    'kein Doppelpunkt',
    'item1.EMAIL;type=work:x@y.de',
    'ORG:Berg AG;Vertrieb',
  ];
  const BREAKS = ['\n', '\r\n', '\r', '\r\r\n', '\r\r'];

  it('generated files with every kind of line break, cut anywhere (property)', () => {
    const file = fc
      .array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom(...BREAKS)), { maxLength: 60 })
      .map((lines) => lines.map(([line, lineBreak]) => line + lineBreak).join(''));
    fc.assert(
      fc.property(file, fc.array(fc.nat(), { maxLength: 12 }), (text, positions) => {
        const cuts = [...new Set(positions.map((p) => p % (text.length + 1)))].sort(
          (a, b) => a - b,
        );
        expect(readInPieces(text, cuts)).toEqual(parseVcards(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('streaming vCard reader: lines across pieces', () => {
  const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''];

  it('a CRLF split between two pieces is one line break', () => {
    const text = card('N:Berg;Anna;;;', 'EMAIL:anna@berg.de').join('\r\n');
    const cut = text.indexOf('\n', text.indexOf('N:Berg'));
    const result = readInPieces(text, [cut]);
    expect(result.cards).toHaveLength(1);
    expect(result.cards[0]).toMatchObject({
      line: 1,
      lastName: 'Berg',
      emails: [{ value: 'anna@berg.de' }],
    });
    // iPhone writes CR CR LF; the CRs and the LF may arrive in three pieces.
    const iphone = card('N:Berg;Anna;;;', 'TITLE:Chefin').join('\r\r\n');
    const at = iphone.indexOf('\r', iphone.indexOf('N:Berg'));
    const split = readInPieces(iphone, [at + 1, at + 2]);
    expect(split).toEqual(parseVcards(iphone));
    expect(split.cards[0]?.title).toBe('Chefin');
    // Lone CRs are line breaks of their own, also at the end of a piece.
    const lone = 'BEGIN:VCARD\rN:Berg;Anna;;;\r\rEND:VCARD\r';
    expect(readInPieces(lone, [lone.indexOf('\r\r') + 1])).toEqual(parseVcards(lone));
  });

  it('continues a folded line and a quoted-printable soft break in the next piece', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BC=',
      'ller;J=C3=BCrgen;;;',
      'TITLE:Leiter Ein',
      ' kauf',
      'END:VCARD',
    ].join('\r\n');
    const soft = text.indexOf('=\r\n') + 1;
    const fold = text.indexOf('\r\n kauf') + 2;
    for (const cuts of [[soft], [soft + 1], [fold], [fold + 1], [soft, fold]]) {
      const [card0] = readInPieces(text, cuts).cards;
      expect(card0).toMatchObject({
        lastName: 'Müller',
        firstName: 'Jürgen',
        title: 'Leiter Einkauf',
      });
    }
  });

  it('decodes each property in its own charset', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;',
      'ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:B=E4ckerei K=F6hler',
      'NOTE;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:Budget 25.000 =80',
      'TITLE;ENCODING=QUOTED-PRINTABLE:Gesch=C3=A4ftsf=C3=BChrer',
      'ROLE;ENCODING=QUOTED-PRINTABLE:Eink=E4ufer',
      'END:VCARD',
    ].join('\r\n');
    const [card0] = readInPieces(text, [40, 90, 150]).cards;
    expect(card0).toMatchObject({
      lastName: 'Müller',
      firstName: 'Jürgen',
      organization: 'Bäckerei Köhler',
      note: 'Budget 25.000 €',
      // Without CHARSET: UTF-8 when the bytes are UTF-8, else Windows-1252.
      title: 'Geschäftsführer',
      role: 'Einkäufer',
    });
  });

  it('reports a card without END as broken, at the next BEGIN and at the end', () => {
    const text = [
      'BEGIN:VCARD',
      'FN:Anna Berg',
      'BEGIN:VCARD',
      'FN:Ole Lund',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Abgebrochen',
    ].join('\n');
    const result = readInPieces(text, [15, 30]);
    expect(result.cards.map((card) => card.formattedName)).toEqual(['Ole Lund']);
    expect(result.skipped).toEqual([
      { line: 1, reason: 'broken' },
      { line: 6, reason: 'broken' },
    ]);
  });

  it('ignores garbage between cards and reads the cards around it', () => {
    const text = [
      'Export vom 01.02.2026',
      'BEGIN:VCARD',
      'FN:Anna Berg',
      'END:VCARD',
      '%%% nichts davon ist eine Karte: ;;; \u0000 \uFFFD',
      'X-GARBAGE:1',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Ole Lund',
      'END:VCARD',
      'noch mehr Müll',
    ].join('\r\n');
    const result = readInPieces(text, [50, 51, 52]);
    expect(result.cards.map((card) => [card.line, card.formattedName])).toEqual([
      [2, 'Anna Berg'],
      [8, 'Ole Lund'],
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('drops the BOM of the first piece only', () => {
    const text = '\uFEFFBEGIN:VCARD\r\nFN:Anna Berg\r\nEND:VCARD\r\n';
    expect(readInPieces(text, [1]).cards).toHaveLength(1);
    expect(readInPieces(text, [0, 1, 2]).cards[0]?.formattedName).toBe('Anna Berg');
  });
});

describe('streaming vCard reader: bounded whatever the file holds', () => {
  const fold = (text: string) => text.match(/.{1,74}/g)?.join('\r\n ') ?? '';

  it('skips a photo of megabytes without keeping it and without marking the card', () => {
    const photo = 'A'.repeat(5 * 1024 * 1024);
    const text = `BEGIN:VCARD\r\nFN:Anna Berg\r\nPHOTO;ENCODING=b;TYPE=JPEG:${fold(photo)}\r\nEMAIL:anna@berg.de\r\nEND:VCARD\r\n`;
    const [card] = readInPieces(text, [1000, 3_000_000]).cards;
    expect(card).toMatchObject({ formattedName: 'Anna Berg', truncated: false });
    expect(card?.emails).toEqual([{ value: 'anna@berg.de', types: [] }]);
  });

  it('cuts a folded line of more than a mebibyte and marks the card, keeping the next card', () => {
    const note = 'Rückruf erbeten. '.repeat(Math.ceil((MAX_VCARD_LINE_LENGTH + 10) / 17));
    const text = [
      'BEGIN:VCARD',
      'FN:Anna Berg',
      `NOTE:${fold(note)}`,
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Ole Lund',
      'END:VCARD',
    ].join('\r\n');
    const { cards } = readInPieces(text, [65_536, 131_072]);
    expect(cards.map((card) => [card.formattedName, card.truncated])).toEqual([
      ['Anna Berg', true],
      ['Ole Lund', false],
    ]);
    expect(cards[0]?.note?.length).toBeLessThanOrEqual(MAX_VCARD_LINE_LENGTH);
  });

  it('cuts a physical line without any break', () => {
    const text = `BEGIN:VCARD\nFN:Anna Berg\nNOTE:${'x'.repeat(3 * 1024 * 1024)}\nEND:VCARD\n`;
    const [card] = readInPieces(text, [100_000, 2_000_000]).cards;
    expect(card?.truncated).toBe(true);
    expect(card?.note?.length).toBeLessThanOrEqual(MAX_VCARD_LINE_LENGTH);
  });

  it('stops reading a card beyond its limit of text', () => {
    const line = `NOTE:${'n'.repeat(100_000)}`;
    const count = Math.ceil(MAX_VCARD_CARD_LENGTH / line.length) + 2;
    const notes = Array.from({ length: count }, (_, i) => `${line}${i}`);
    const text = ['BEGIN:VCARD', 'FN:Anna Berg', ...notes, 'END:VCARD'].join('\n');
    const [card] = parseVcards(text).cards;
    expect(card?.truncated).toBe(true);
    expect(card?.note?.length).toBeLessThanOrEqual(MAX_VCARD_CARD_LENGTH);
  });

  it('stays linear for many short notes, parameters and titles in one card', () => {
    const notes = Array.from({ length: 50_000 }, (_, i) => `NOTE:n${i}`);
    const params = Array.from({ length: 50_000 }, (_, i) => `t${i}`).join(';');
    const titles = 'Dr. '.repeat(100_000);
    const text = [
      'BEGIN:VCARD',
      `FN:${titles}Anna Berg`,
      `TEL;${params}:0301234567`,
      ...notes,
      'END:VCARD',
    ].join('\n');
    const [card] = parseVcards(text).cards;
    expect(card?.note?.split('\n\n')).toHaveLength(50_000);
    expect(card?.phones[0]?.types).toHaveLength(50_000);
    const cells = vcardToCells(card as VCard);
    expect(cells.slice(2, 4)).toEqual(['Anna', 'Berg']);
    expect(cells[1]?.startsWith('Dr. Dr.')).toBe(true);
  });

  it('reads a nested BEGIN as a new card and quoted-printable with broken escapes as text', () => {
    const text = [
      'BEGIN:VCARD',
      'FN:Außen',
      'BEGIN:VCARD',
      'FN:Innen',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=unbekannt:A=ZZ=4=C3=BC',
      'END:VCARD',
      'END:VCARD',
    ].join('\n');
    const result = parseVcards(text);
    expect(result.cards.map((card) => card.formattedName)).toEqual(['Innen']);
    expect(result.cards[0]?.note).toBe('AZZ4ü');
    expect(result.skipped).toEqual([{ line: 1, reason: 'broken' }]);
  });
});
