import { foldGerman } from '../text/normalize';

/**
 * Legal-form suffixes as word sequences after punctuation became spaces ("e.K." → e k,
 * "S.à r.l." → s a r l). Compound forms ("GmbH & Co. KG") fall off one part at a time.
 */
const LEGAL_FORMS: readonly (readonly string[])[] = [
  ['gmbh'],
  ['ggmbh'],
  ['mbh'],
  ['g', 'm', 'b', 'h'],
  ['m', 'b', 'h'],
  ['ges', 'm', 'b', 'h'],
  ['gesellschaft', 'mbh'],
  ['ag'],
  ['kg'],
  ['ohg'],
  ['og'],
  ['kgaa'],
  ['se'],
  ['ek'],
  ['e', 'k'],
  ['ekfm'],
  ['e', 'kfm'],
  ['ekfr'],
  ['e', 'kfr'],
  ['ev'],
  ['e', 'v'],
  ['eg'],
  ['e', 'g'],
  ['ug'],
  ['ug', 'haftungsbeschraenkt'],
  ['ug', 'haftungsbeschr'],
  ['gbr'],
  ['partg'],
  ['partg', 'mbb'],
  ['mbb'],
  ['co'],
  ['und', 'co'],
  ['cie'],
  ['und', 'cie'],
  ['ltd'],
  ['limited'],
  ['inc'],
  ['incorporated'],
  ['corp'],
  ['corporation'],
  ['llc'],
  ['llp'],
  ['plc'],
  ['sa'],
  ['s', 'a'],
  ['sarl'],
  ['s', 'a', 'r', 'l'],
  ['srl'],
  ['s', 'r', 'l'],
  ['s', 'p', 'a'],
  ['bv'],
  ['b', 'v'],
  ['nv'],
  ['n', 'v'],
].sort((a, b) => b.length - a.length);

function endsWith(words: readonly string[], suffix: readonly string[]): boolean {
  const start = words.length - suffix.length;
  return suffix.every((word, i) => words[start + i] === word);
}

/**
 * Normalises a company name for duplicate matching: lower case, umlauts spelled out
 * (ä → ae, ö → oe, ü → ue, ß → ss) and accents dropped, "&", "+", "and" and "und" made one,
 * punctuation removed, whitespace collapsed, and legal forms at the end taken off in any
 * spelling ("GmbH & Co. KG", "Gmbh&Co.KG", "e.K.", "UG (haftungsbeschränkt)", "S.à r.l.", …).
 * "Müller & Söhne GmbH & Co. KG" and "Mueller und Soehne" give the same key; a form-like
 * word inside a name stays ("AGRAR Handel" keeps "agrar"), and so does the last word.
 */
export function normalizeCompanyName(name: string): string {
  const words = foldGerman(name)
    .replace(/['’`´]/g, '')
    .replace(/[&+]/g, ' und ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => (word === 'and' ? 'und' : word));
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const form of LEGAL_FORMS) {
      if (words.length > form.length && endsWith(words, form)) {
        words.splice(words.length - form.length);
        stripped = true;
        break;
      }
    }
  }
  return words.join(' ');
}
