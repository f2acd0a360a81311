import { open } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { deflateSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createXmlTokenizer, XmlError } from '../../src/main/formats/xml';
import { openXlsx } from '../../src/main/formats/xlsx-reader';
import {
  MAX_CELL_TEXT,
  MAX_SHARED_STRING_BYTES,
  MAX_SHARED_STRINGS,
  SharedStringsTooLargeError,
  SharedStringTable,
  StringCollector,
} from '../../src/main/formats/xlsx-strings';
import {
  entryChunks,
  readZipEntries,
  ZipFormatError,
  ZipTooLargeError,
} from '../../src/main/formats/zip-reader';
import { tempDir } from './harness';

describe('shared strings table', () => {
  it('gives back every string as it was added, and nothing beyond its end', () => {
    const table = new SharedStringTable();
    const texts = ['', 'Müller & Söhne', 'Zoë Ødegård', '🚀 Start', 'x'.repeat(100_000)];
    for (const text of texts) table.add({ text, cut: false });
    table.add({ text: 'abgeschnitten', cut: true });
    expect(texts.map((_, i) => table.get(i)?.text)).toEqual(texts);
    expect(table.get(5)).toEqual({ text: 'abgeschnitten', cut: true });
    expect(table.get(1)?.cut).toBe(false);
    for (const index of [6, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(table.get(index)).toBeUndefined();
    }
  });

  it('refuses more strings than its limit', () => {
    const table = new SharedStringTable();
    for (let i = 0; i < MAX_SHARED_STRINGS; i++) table.add({ text: '', cut: false });
    expect(table.size).toBe(MAX_SHARED_STRINGS);
    expect(() => table.add({ text: '', cut: false })).toThrow(SharedStringsTooLargeError);
  });

  it('refuses more bytes of text than its limit', () => {
    const table = new SharedStringTable();
    const mebibyte = 'ä'.repeat(512 * 1024);
    for (let i = 0; i < MAX_SHARED_STRING_BYTES / (1024 * 1024); i++) {
      table.add({ text: mebibyte, cut: false });
    }
    expect(table.get(63)?.text).toBe(mebibyte);
    expect(() => table.add({ text: 'ä', cut: false })).toThrow(SharedStringsTooLargeError);
  });

  it('cuts a string item at the longest cell text and says so', () => {
    const collector = new StringCollector();
    collector.token({ kind: 'open', name: 't', attributes: {}, selfClosing: false });
    collector.token({ kind: 'text', text: 'x'.repeat(MAX_CELL_TEXT) });
    collector.token({ kind: 'text', text: 'zu viel' });
    collector.token({ kind: 'close', name: 't' });
    const item = collector.take();
    expect(item.text).toHaveLength(MAX_CELL_TEXT);
    expect(item.cut).toBe(true);
    expect(collector.take()).toEqual({ text: '', cut: false });
  });
});

/**
 * A zip with one deflated entry whose directory states `size` (the truth when omitted);
 * `body` is the data deflated already, when it is.
 */
function oneEntryZip(data: Uint8Array, size = data.length, body = deflateSync(data)): Uint8Array {
  const name = Buffer.from('part.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + body.length, 16);
  return Buffer.concat([local, name, body, central, name, end]);
}

async function inflate(bytes: Uint8Array, maxBytes = 1024 * 1024 * 1024) {
  const path = join(tempDir(), 'part.zip');
  writeFileSync(path, bytes);
  const handle = await open(path, 'r');
  const progress = { bytes: 0 };
  let produced = 0;
  try {
    const [entry] = [...(await readZipEntries(handle, bytes.length)).values()];
    if (entry === undefined) throw new Error('no entry');
    for await (const chunk of entryChunks(handle, entry, { maxBytes, maxRatio: 100 }, progress)) {
      produced += chunk.length;
    }
    return { produced, compressed: entry.compressedSize, read: progress.bytes };
  } catch (error) {
    return { error, read: progress.bytes, produced };
  } finally {
    await handle.close();
  }
}

describe('zip entries within limits', () => {
  const zeros = new Uint8Array(80 * 1024 * 1024);
  const deflated = deflateSync(zeros, { level: 1 });

  it('inflates an honest entry in steps and checks its CRC', async () => {
    const data = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    expect(await inflate(oneEntryZip(data))).toMatchObject({ produced: data.length });
  });

  it('refuses a bomb by its stated size and ratio before inflating any of it', async () => {
    const result = await inflate(oneEntryZip(zeros, zeros.length, deflated));
    expect(result.error).toBeInstanceOf(ZipTooLargeError);
    expect(result.read).toBe(0);
    const small = await inflate(oneEntryZip(new Uint8Array(1000)), 500);
    expect(small.error).toBeInstanceOf(ZipTooLargeError);
  });

  it('stops an entry that inflates beyond the size it states, long before its end', async () => {
    // Barely compressible bytes: the entry is megabytes long, so "long before its end" is
    // measured against far more than the reader's read-ahead.
    let state = 1;
    const noise = new Uint8Array(2 * 1024 * 1024).map(() => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 24;
    });
    const bytes = oneEntryZip(noise, 1000, deflateSync(noise, { level: 1 }));
    const result = await inflate(bytes);
    expect(result.error).toBeInstanceOf(ZipFormatError);
    expect(result.produced).toBeLessThanOrEqual(1000);
    expect(result.read).toBeLessThan(bytes.length / 4);
  });
});

describe('rows beyond the length of a record', () => {
  it('cuts a row whose cells together are longer than a CSV record and marks it', async () => {
    const cell = (ref: string, text: string) =>
      `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const big = 'x'.repeat(900 * 1024);
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cell('A1', big)}${cell('B1', big)}${cell('C1', big)}</row><row r="2">${cell('A2', 'kurz')}</row></sheetData></worksheet>`;
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const path = join(tempDir(), 'lang.xlsx');
    writeFileSync(
      path,
      zipSync({
        'xl/workbook.xml': Buffer.from(
          `<workbook xmlns:r="${rel}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
        'xl/_rels/workbook.xml.rels': Buffer.from(
          `<Relationships><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
        'xl/worksheets/sheet1.xml': Buffer.from(sheet),
      }),
    );
    const book = await openXlsx(path);
    const rows = [];
    try {
      for await (const row of book.rows(null)) rows.push(row);
    } finally {
      await book.close();
    }
    expect(rows[0]?.cut).toBe(true);
    expect(rows[0]?.cells.join('').length).toBe(2 * 1024 * 1024);
    expect(rows[1]).toEqual({ row: 2, cells: ['kurz'] });
  });
});

describe('xml tokenizer on hostile markup', () => {
  it('hands out text after a stray & instead of holding it back', () => {
    let text = 0;
    const tokenizer = createXmlTokenizer((token) => {
      if (token.kind === 'text') text += token.text.length;
    });
    tokenizer.push('<v>&');
    for (let i = 0; i < 3; i++) tokenizer.push('x'.repeat(1024 * 1024));
    expect(text).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    // An entity split between two pieces is still decoded.
    let decoded = '';
    const split = createXmlTokenizer((token) => {
      if (token.kind === 'text') decoded += token.text;
    });
    split.push('<t>a&am');
    split.push('p;b&#x');
    split.push('FC;</t>');
    split.end();
    expect(decoded).toBe('a&bü');
  });

  it('refuses a comment or CDATA section that never ends', () => {
    for (const open of ['<!--', '<![CDATA[', '<!DOCTYPE x [']) {
      const tokenizer = createXmlTokenizer(() => undefined);
      tokenizer.push(`<a>${open}`);
      expect(() => {
        for (let i = 0; i < 3; i++) tokenizer.push('x'.repeat(512 * 1024));
      }).toThrow(XmlError);
    }
  });
});
