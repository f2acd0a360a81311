import {
  applyProperty,
  emptyCard,
  hasName,
  headEnd,
  isQuotedPrintableLine,
  parseProperty,
  type VCard,
  type VCardParseResult,
} from './vcard-properties';

/** A physical line, or a content line after unfolding, is cut at this many characters (1 MiB). */
export const MAX_VCARD_LINE_LENGTH = 1024 * 1024;

/** The properties the importer reads of one card are cut at this many characters (2 MiB). */
export const MAX_VCARD_CARD_LENGTH = 2 * 1024 * 1024;

/**
 * Properties whose values the importer reads. The values of all others (PHOTO, LOGO, KEY,
 * X-…) are skipped without being kept, so a phone export full of photos reads like one
 * without (a binary value of a read property is kept and then ignored, as before).
 */
const READ_PROPERTIES = new Set([
  'BEGIN',
  'END',
  'VERSION',
  'N',
  'FN',
  'ORG',
  'TITLE',
  'ROLE',
  'NOTE',
  'TEL',
  'EMAIL',
  'ADR',
  'URL',
]);

/** A content line being unfolded: the physical line it starts on and its pieces so far. */
type ContentLine = {
  line: number;
  parts: string[];
  length: number;
  /** Longer than {@link MAX_VCARD_LINE_LENGTH}: the rest was dropped. */
  cut: boolean;
  /** A property the importer does not read: only its name and parameters are kept. */
  skipped: boolean;
};

/** The card being read, with what its limit and the NOTE de-duplication need. */
type OpenCard = { card: VCard; length: number; notes: Set<string> };

export type VCardReader = {
  /** Takes the next piece of decoded text; returns the cards (and skips) it completed. */
  push(text: string): VCardParseResult;
  /** The end of the file: the last card, or the unfinished one as `broken`. */
  end(): VCardParseResult;
};

/**
 * Only the name and parameters of a content line whose property the importer does not read,
 * else null. The head must be on the line's first physical line, as every exporter writes it.
 */
function skippedHead(raw: string): string | null {
  const end = headEnd(raw);
  if (end <= 0) return null;
  const nameEnd = raw.indexOf(';');
  const groupedName = raw.slice(0, nameEnd === -1 || nameEnd > end ? end : nameEnd);
  const name = groupedName
    .slice(groupedName.lastIndexOf('.') + 1)
    .trim()
    .toUpperCase();
  return READ_PROPERTIES.has(name) ? null : raw.slice(0, end + 1);
}

/**
 * A streaming vCard reader (2.1, 3.0 and 4.0, any number of cards): feed the decoded text
 * of a .vcf file in pieces of any size, and it returns each card as soon as its END:VCARD is
 * read. Physical lines end at LF, CRLF, CR or any run of CRs before an LF (iPhone's CR CR
 * LF); a line break may fall between two pieces. Folded lines (a break followed by a space
 * or tab) and quoted-printable soft breaks (`=` at the end of a line) are joined into
 * content lines; see `applyProperty` for what is read of them. A leading BOM is dropped.
 *
 * Memory is bounded whatever the file holds: a physical or content line is cut at
 * {@link MAX_VCARD_LINE_LENGTH} characters and the properties of a card at
 * {@link MAX_VCARD_CARD_LENGTH} (the card is then marked `truncated`), values of properties
 * that are not read (photos) are not kept at all, and only the current card is held.
 */
export function createVcardReader(): VCardReader {
  let started = false;
  /** Physical lines completed so far (the number of the last one). */
  let lineNumber = 0;
  /** The physical line being read, at most {@link MAX_VCARD_LINE_LENGTH} characters of it. */
  let physical: string[] = [];
  let physicalLength = 0;
  let physicalCut = false;
  /** The real last character of the physical line (`=` makes a soft break). */
  let physicalLast = '';
  /** CRs at the end of the last piece: one break with an LF after them, else one each. */
  let heldCr = 0;
  let current: ContentLine | null = null;
  let softBreak = false;
  let open: OpenCard | null = null;
  let out: VCardParseResult = { cards: [], skipped: [] };

  const addPhysical = (text: string, from: number, to: number): void => {
    if (to <= from) return;
    physicalLast = text[to - 1] as string;
    if (physicalCut) return;
    const room = MAX_VCARD_LINE_LENGTH - physicalLength;
    const piece = text.slice(from, Math.min(to, from + room));
    physical.push(piece);
    physicalLength += piece.length;
    if (to - from > room) physicalCut = true;
  };

  /** Adds a piece to the content line, cut at its limit. */
  const extend = (line: ContentLine, piece: string, cut: boolean): void => {
    if (cut) line.cut = true;
    if (line.skipped || piece === '') return;
    const room = MAX_VCARD_LINE_LENGTH - line.length;
    if (room <= 0) {
      line.cut = true;
      return;
    }
    const kept = piece.length <= room ? piece : piece.slice(0, room);
    if (kept.length < piece.length) line.cut = true;
    line.parts.push(kept);
    line.length += kept.length;
  };

  const closeCard = (card: OpenCard): void => {
    if (hasName(card.card) || card.card.emails.length > 0) out.cards.push(card.card);
    else out.skipped.push({ line: card.card.line, reason: 'no_name' });
  };

  /** Applies a complete content line to the card it belongs to. */
  const finishContentLine = (): void => {
    const line = current;
    current = null;
    if (line === null) return;
    const text = line.parts.join('');
    const property = parseProperty(text);
    if (property === null) return;
    const keyword =
      property.name === 'BEGIN' || property.name === 'END'
        ? property.value.trim().toUpperCase()
        : '';
    if (property.name === 'BEGIN' && keyword === 'VCARD') {
      if (open !== null) out.skipped.push({ line: open.card.line, reason: 'broken' });
      open = { card: emptyCard(line.line), length: 0, notes: new Set() };
      return;
    }
    if (open === null) return;
    if (property.name === 'END' && keyword === 'VCARD') {
      closeCard(open);
      open = null;
      return;
    }
    if (line.skipped) return;
    open.length += text.length;
    if (line.cut || open.length > MAX_VCARD_CARD_LENGTH) open.card.truncated = true;
    if (open.length <= MAX_VCARD_CARD_LENGTH) applyProperty(open.card, property, open.notes);
  };

  /** One physical line: continues the content line (fold, soft break) or starts the next. */
  const handleLine = (raw: string, cut: boolean, endsWithEquals: boolean): void => {
    if (current !== null && softBreak) {
      const parts = current.parts;
      const last = parts.length - 1;
      if (!current.skipped && !current.cut && last >= 0) {
        parts[last] = (parts[last] as string).slice(0, -1);
        current.length -= 1;
      }
      extend(current, raw, cut);
      softBreak = endsWithEquals;
    } else if (current !== null && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      extend(current, raw.slice(1), cut);
    } else if (raw.trim() !== '') {
      finishContentLine();
      const head = skippedHead(raw);
      const line: ContentLine = {
        line: lineNumber,
        parts: [],
        length: 0,
        cut: false,
        skipped: false,
      };
      extend(line, head ?? raw, cut);
      line.skipped = head !== null;
      current = line;
      softBreak = endsWithEquals && isQuotedPrintableLine(raw);
    }
  };

  const endPhysical = (): void => {
    lineNumber++;
    const raw = physical.join('');
    const cut = physicalCut;
    const endsWithEquals = physicalLast === '=';
    physical = [];
    physicalLength = 0;
    physicalCut = false;
    physicalLast = '';
    handleLine(raw, cut, endsWithEquals);
  };

  /** Ends the line before `count` CRs that no LF follows: each CR is a line break. */
  const crBreaks = (count: number): void => {
    for (let i = 0; i < count; i++) endPhysical();
  };

  const take = (): VCardParseResult => {
    const result = out;
    out = { cards: [], skipped: [] };
    return result;
  };

  const push = (input: string): VCardParseResult => {
    let text = input;
    if (!started && text !== '') {
      started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    const n = text.length;
    let p = 0;
    if (heldCr > 0) {
      while (p < n && text.charCodeAt(p) === 0x0d) p++;
      heldCr += p;
      if (p === n) return take();
      if (text.charCodeAt(p) === 0x0a) {
        endPhysical();
        p++;
      } else crBreaks(heldCr);
      heldCr = 0;
    }
    const breaks = /[\r\n]/g;
    while (p < n) {
      breaks.lastIndex = p;
      const match = breaks.exec(text);
      if (match === null) {
        addPhysical(text, p, n);
        break;
      }
      const j = match.index;
      addPhysical(text, p, j);
      if (text.charCodeAt(j) === 0x0a) {
        endPhysical();
        p = j + 1;
        continue;
      }
      let k = j;
      while (k < n && text.charCodeAt(k) === 0x0d) k++;
      if (k === n) {
        heldCr = k - j;
        break;
      }
      if (text.charCodeAt(k) === 0x0a) {
        endPhysical();
        p = k + 1;
      } else {
        crBreaks(k - j);
        p = k;
      }
    }
    return take();
  };

  const end = (): VCardParseResult => {
    if (heldCr > 0) crBreaks(heldCr);
    heldCr = 0;
    // Like splitting at every break: the text after the last one is a line too, if empty.
    endPhysical();
    finishContentLine();
    if (open !== null) out.skipped.push({ line: open.card.line, reason: 'broken' });
    open = null;
    return take();
  };

  return { push, end };
}

/**
 * Reads the vCards (2.1, 3.0 and 4.0, any number) of a decoded .vcf text at once (see
 * {@link createVcardReader}). Handles folded lines, quoted-printable values with their
 * CHARSET (vCard 2.1, also with bare QUOTED-PRINTABLE), grouped properties (`item1.EMAIL`),
 * TYPE parameters in all spellings, `tel:` URIs and backslash escapes; photos and other
 * binary values are skipped.
 */
export function parseVcards(text: string): VCardParseResult {
  const reader = createVcardReader();
  const first = reader.push(text);
  const last = reader.end();
  return {
    cards: [...first.cards, ...last.cards],
    skipped: [...first.skipped, ...last.skipped],
  };
}
