/**
 * A small XML tokenizer for the parts of an XLSX file: tags with their attributes and the
 * text between them, entities decoded. It takes the text in pieces (`push`) so that a sheet
 * of hundreds of megabytes is read without holding it whole; a tag or entity split across
 * two pieces is completed with the next one. Comments, processing instructions and DOCTYPE
 * are skipped, CDATA sections become text. It does not validate (unbalanced tags pass);
 * a tag that never ends or a stray `<` throws {@link XmlError}.
 */

export type XmlAttributes = Record<string, string>;

export type XmlToken =
  | { kind: 'open'; name: string; attributes: XmlAttributes; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

export type XmlTokenizer = {
  push(text: string): void;
  /** The end of the document; throws when it stops inside a tag. */
  end(): void;
};

/** Malformed XML (the XLSX reader reports the file as unreadable). */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi;

/** Replaces the five named entities and numeric character references; others stay as they are. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** The element or attribute name without its namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** An attribute by its name without prefix (`r:id` is found as `id`), or undefined. */
export function attributeByLocalName(attributes: XmlAttributes, name: string): string | undefined {
  if (attributes[name] !== undefined) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) {
    if (localName(key) === name) return value;
  }
  return undefined;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const BANG = 33;
const QUESTION = 63;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Shared by the many tags without attributes (`<v>`, `<t>`, `<is>`); never modified. */
const NO_ATTRIBUTES: XmlAttributes = Object.freeze({});

/** The `name="value"` pairs of a tag between `from` and `to` (quotes `"` or `'`). */
function parseAttributes(text: string, from: number, to: number): XmlAttributes {
  const attributes: XmlAttributes = {};
  let i = from;
  while (i < to) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const eq = text.indexOf('=', i);
    if (eq === -1 || eq >= to) throw new XmlError(`attribute without value at ${i}`);
    let open = eq + 1;
    while (open < to && isSpace(text.charCodeAt(open))) open++;
    const quote = text.charCodeAt(open);
    if (quote !== QUOTE && quote !== APOSTROPHE) throw new XmlError(`unquoted attribute at ${i}`);
    const close = text.indexOf(quote === QUOTE ? '"' : "'", open + 1);
    if (close === -1 || close >= to) throw new XmlError(`unclosed attribute at ${i}`);
    attributes[text.slice(i, eq).trim()] = decodeXmlEntities(text.slice(open + 1, close));
    i = close + 1;
  }
  return attributes;
}

/**
 * Longest tag, comment, CDATA section or declaration accepted: beyond it markup that never
 * closes is malformed, not unfinished.
 */
const MAX_TAG_LENGTH = 1 << 20;

/** Longest entity reference (`&#x10FFFF;`). */
const MAX_ENTITY_LENGTH = 10;

/**
 * Index of the `>` ending the tag that starts at `start` (a `>` inside a quoted attribute
 * value does not end it); -1 when the tag is not complete yet.
 */
function tagEnd(text: string, start: number, final: boolean): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === GT) return i;
    if (c === QUOTE || c === APOSTROPHE) {
      const close = text.indexOf(c === QUOTE ? '"' : "'", i + 1);
      if (close === -1) break;
      i = close;
    } else if (c === LT) throw new XmlError(`'<' inside a tag at ${start}`);
  }
  if (final || text.length - start > MAX_TAG_LENGTH) {
    throw new XmlError(`malformed tag at ${start}`);
  }
  return -1;
}

/** Markup skipped whole, by its opening: comments, CDATA (kept as text), PIs, declarations. */
const SPECIAL: { open: string; close: string }[] = [
  { open: '<!--', close: '-->' },
  { open: '<![CDATA[', close: ']]>' },
  { open: '<?', close: '?>' },
  { open: '<!', close: '>' },
];

/** A tokenizer that calls `onToken` for every tag and text run, in document order. */
export function createXmlTokenizer(onToken: (token: XmlToken) => void): XmlTokenizer {
  let buffer = '';

  const emitText = (raw: string) => {
    if (raw !== '') onToken({ kind: 'text', text: decodeXmlEntities(raw) });
  };

  /** Consumes complete tokens of `buffer`, keeps the unfinished rest. */
  const drain = (final: boolean) => {
    let pos = 0;
    const text = buffer;
    while (pos < text.length) {
      const lt = text.indexOf('<', pos);
      if (lt === -1) {
        // Text may end inside an entity; keep from a last '&' without ';' for the next piece —
        // only near the end (no entity is longer), so a stray '&' cannot hold back megabytes.
        const amp = text.lastIndexOf('&');
        const inEntity =
          amp >= pos && text.length - amp <= MAX_ENTITY_LENGTH && !text.includes(';', amp);
        const cut = !final && inEntity ? amp : text.length;
        emitText(text.slice(pos, cut));
        pos = cut;
        break;
      }
      emitText(text.slice(pos, lt));
      pos = lt;
      const first = text.charCodeAt(lt + 1);
      if (first === BANG || first === QUESTION) {
        if (!final && text.length - lt < 9) break;
        const special = SPECIAL.find((s) => text.startsWith(s.open, lt));
        if (special === undefined) break;
        const close = text.indexOf(special.close, lt + special.open.length);
        if (close === -1) {
          if (final || text.length - lt > MAX_TAG_LENGTH) {
            throw new XmlError(`unterminated ${special.open} at ${lt}`);
          }
          break;
        }
        if (special.open === '<![CDATA[') {
          const data = text.slice(lt + special.open.length, close);
          if (data !== '') onToken({ kind: 'text', text: data });
        }
        pos = close + special.close.length;
        continue;
      }
      const gt = tagEnd(text, lt, final);
      if (gt === -1) break;
      if (first === SLASH) {
        onToken({ kind: 'close', name: localName(text.slice(lt + 2, gt).trim()) });
      } else {
        const selfClosing = text.charCodeAt(gt - 1) === SLASH;
        const end = selfClosing ? gt - 1 : gt;
        let nameEnd = lt + 1;
        while (nameEnd < end && !isSpace(text.charCodeAt(nameEnd))) nameEnd++;
        if (nameEnd === lt + 1) throw new XmlError(`empty tag name at ${lt}`);
        const name = localName(text.slice(lt + 1, nameEnd));
        const attributes = nameEnd >= end ? NO_ATTRIBUTES : parseAttributes(text, nameEnd, end);
        onToken({ kind: 'open', name, attributes, selfClosing });
      }
      pos = gt + 1;
    }
    buffer = text.slice(pos);
  };

  return {
    push(text) {
      buffer += text;
      drain(false);
    },
    end() {
      drain(true);
      if (buffer.trim() !== '') throw new XmlError('the document ends inside a tag');
      buffer = '';
    },
  };
}

/** Characters XML 1.0 forbids (controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
/** Anything {@link escapeXml} changes; most texts have none and are returned as they are. */
const NEEDS_ESCAPE = /[&<>"\r]|[^\t\n\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

/**
 * Text safe inside an element or a double-quoted attribute: escaped (CR as `&#13;`, which a
 * parser would otherwise turn into LF), characters XML forbids removed.
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"\r]/g, (c) => ESCAPES[c] ?? c);
}
