import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createTextDecoder,
  decodeBytes,
  detectEncoding,
  isValidUtf8,
  sniffContent,
} from '@core/formats/encoding';
import type { TextEncoding } from '@core/formats/types';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURES}/${name}`));

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const concat = (...parts: Uint8Array[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => [...part]));

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = [code & 0xff, code >> 8];
    out.push(...(littleEndian ? pair : pair.reverse()));
  }
  return Uint8Array.from(out);
}

/** "Müller & Söhne: 1.234,56 €" as German Excel writes it (Windows-1252). */
const GERMAN_1252 = concat(
  bytes(0x4d, 0xfc), // Mü
  utf8('ller & S'),
  bytes(0xf6), // ö
  utf8('hne: 1.234,56 '),
  bytes(0x80), // €
);

function decodeInChunks(encoding: TextEncoding, data: Uint8Array, size: number): string {
  const decoder = createTextDecoder(encoding);
  let text = '';
  for (let i = 0; i < data.length; i += size) text += decoder.decode(data.subarray(i, i + size));
  return text + decoder.end();
}

describe('detectEncoding', () => {
  it('follows a byte-order mark', () => {
    expect(detectEncoding(concat(bytes(0xef, 0xbb, 0xbf), utf8('a;b')))).toEqual({
      encoding: 'utf-8',
      bom: true,
    });
    expect(detectEncoding(concat(bytes(0xff, 0xfe), utf16('a;b', true)))).toEqual({
      encoding: 'utf-16le',
      bom: true,
    });
    expect(detectEncoding(concat(bytes(0xfe, 0xff), utf16('a;b', false)))).toEqual({
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('takes valid UTF-8 without BOM (and plain ASCII) as UTF-8', () => {
    expect(detectEncoding(utf8('Vorname;Nachname\nJürgen;Müller €'))).toEqual({
      encoding: 'utf-8',
      bom: false,
    });
    expect(detectEncoding(utf8('a,b,c\n1,2,3'))).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('takes anything else as Windows-1252 (umlauts and € at 0x80)', () => {
    expect(detectEncoding(GERMAN_1252)).toEqual({ encoding: 'windows-1252', bom: false });
    expect(decodeInChunks('windows-1252', GERMAN_1252, 64)).toBe('Müller & Söhne: 1.234,56 €');
  });

  it('accepts a UTF-8 sequence cut by the end of the sample', () => {
    const full = utf8('Grüße, 5 €'); // € is E2 82 AC
    for (const cut of [1, 2]) {
      expect(detectEncoding(full.subarray(0, full.length - cut)).encoding).toBe('utf-8');
    }
    const sharpS = utf8('Straße');
    expect(detectEncoding(sharpS.subarray(0, 5)).encoding).toBe('utf-8'); // "Stra" + C3
  });

  it('rejects cut sequences in the middle, overlong forms and surrogates', () => {
    expect(isValidUtf8(bytes(0xc3, 0x41))).toBe(false);
    expect(isValidUtf8(bytes(0xc0, 0xaf))).toBe(false);
    expect(isValidUtf8(bytes(0xe0, 0x80, 0xaf))).toBe(false);
    expect(isValidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(false);
    expect(isValidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(false);
    expect(isValidUtf8(bytes(0xf0, 0x9f, 0x98, 0x80))).toBe(true);
    expect(detectEncoding(bytes(0x4d, 0xfc, 0x6c))).toEqual({
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it('detects the fixtures', () => {
    expect(detectEncoding(fixture('german-excel-1252.csv'))).toEqual({
      encoding: 'windows-1252',
      bom: false,
    });
    expect(detectEncoding(fixture('utf8-bom.csv'))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(fixture('outlook-de.csv')).encoding).toBe('windows-1252');
    expect(detectEncoding(fixture('unclosed-quote.csv')).encoding).toBe('utf-8');
  });
});

describe('sniffContent', () => {
  it('recognises a renamed XLSX by the ZIP header', () => {
    expect(sniffContent(fixture('renamed-xlsx.csv'))).toBe('zip');
  });

  it('recognises binary files by NUL bytes or many control characters', () => {
    expect(sniffContent(fixture('binary.csv'))).toBe('binary');
    const controls = Uint8Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x41));
    expect(sniffContent(controls)).toBe('binary');
  });

  it('calls no bytes, a lone BOM or only whitespace empty', () => {
    expect(sniffContent(fixture('empty.csv'))).toBe('empty');
    expect(sniffContent(bytes(0xef, 0xbb, 0xbf))).toBe('empty');
    expect(sniffContent(bytes(0xff, 0xfe))).toBe('empty');
    expect(sniffContent(utf8(' \r\n\t\r\n'))).toBe('empty');
  });

  it('accepts text, including UTF-16 with its NUL bytes and a few control characters', () => {
    for (const name of [
      'german-excel-1252.csv',
      'utf8-bom.csv',
      'outlook-de.csv',
      'outlook-en.csv',
      'header-only.csv',
    ]) {
      expect(sniffContent(fixture(name)), name).toBe('text');
    }
    expect(sniffContent(concat(bytes(0xff, 0xfe), utf16('Name;Ort\r\nMüller;Köln', true)))).toBe(
      'text',
    );
    expect(sniffContent(utf8('a;b\f\n1;\u0002x\n'.padEnd(40, 'y')))).toBe('text');
  });
});

describe('createTextDecoder', () => {
  it('decodes UTF-8 split at every byte boundary', () => {
    const text = 'Jürgen Müller; Grüße 👋 aus Köln — 1.234,56 €';
    for (const size of [1, 2, 3, 5]) {
      expect(decodeInChunks('utf-8', utf8(text), size)).toBe(text);
    }
  });

  it('drops a leading BOM in every encoding, even when it arrives byte by byte', () => {
    const text = 'Name;Straße';
    expect(decodeInChunks('utf-8', concat(bytes(0xef, 0xbb, 0xbf), utf8(text)), 1)).toBe(text);
    expect(decodeInChunks('utf-16le', concat(bytes(0xff, 0xfe), utf16(text, true)), 1)).toBe(text);
    expect(decodeInChunks('utf-16be', concat(bytes(0xfe, 0xff), utf16(text, false)), 3)).toBe(text);
  });

  it('keeps a BOM character that is not at the start', () => {
    expect(decodeInChunks('utf-8', utf8('a\uFEFFb'), 2)).toBe('a\uFEFFb');
  });

  it('decodes the UTF-8-with-BOM fixture without the BOM', () => {
    const text = decodeInChunks('utf-8', fixture('utf8-bom.csv'), 7);
    expect(text.startsWith('Vorname;')).toBe(true);
    expect(text).toContain('Łukasz;Wiśniewski');
  });
});

describe('decodeBytes', () => {
  it('decodes named charsets and falls back to UTF-8 for unknown ones', () => {
    expect(decodeBytes(bytes(0x4d, 0xfc, 0x80), 'ISO-8859-1')).toBe('Mü€');
    expect(decodeBytes(bytes(0x4d, 0xfc, 0x80), 'windows-1252')).toBe('Mü€');
    expect(decodeBytes(utf8('Müller'), 'x-unknown-charset')).toBe('Müller');
  });
});
