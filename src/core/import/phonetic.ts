/**
 * Kölner Phonetik (Hans Joachim Postel, 1969): a phonetic code for German names, so that
 * "Meyer", "Maier" and "Meier" or "Schmidt" and "Schmitt" get the same key.
 */

const VOWELS = 'AEIJOUY';

/** Upper-case letters A–Z only: umlauts folded to their base vowel, ß to S, accents dropped. */
function lettersOf(word: string): string {
  return word
    .replace(/[ßẞ]/g, 's')
    .toUpperCase()
    .normalize('NFD')
    .replace(/[^A-Z]/g, '');
}

/** Code of the letter at `i` given its neighbours; '' for H (no code). */
function codeAt(letters: string, i: number): string {
  const letter = letters[i] ?? '';
  const before = letters[i - 1] ?? '';
  const after = letters[i + 1] ?? '';
  if (VOWELS.includes(letter)) return '0';
  switch (letter) {
    case 'H':
      return '';
    case 'B':
      return '1';
    case 'P':
      return after === 'H' ? '3' : '1';
    case 'D':
    case 'T':
      return 'CSZ'.includes(after) && after !== '' ? '8' : '2';
    case 'F':
    case 'V':
    case 'W':
      return '3';
    case 'G':
    case 'K':
    case 'Q':
      return '4';
    case 'C':
      if (i === 0) return after !== '' && 'AHKLOQRUX'.includes(after) ? '4' : '8';
      if (before === 'S' || before === 'Z') return '8';
      return after !== '' && 'AHKOQUX'.includes(after) ? '4' : '8';
    case 'X':
      return before !== '' && 'CKQ'.includes(before) ? '8' : '48';
    case 'L':
      return '5';
    case 'M':
    case 'N':
      return '6';
    case 'R':
      return '7';
    case 'S':
    case 'Z':
      return '8';
    default:
      return '';
  }
}

/**
 * The Kölner Phonetik code of one word: letters coded by their context (C at the start
 * before A,H,K,L,O,Q,R,U,X and elsewhere before A,H,K,O,Q,U,X unless after S or Z is 4;
 * D/T before C,S,Z is 8; X after C,K,Q is 8, else 48; P before H is 3; H has no code),
 * runs of the same digit collapsed, then every 0 dropped except a leading one.
 * Non-letters are ignored, so "Müller-Lüdenscheidt" is coded as one word ("65752682").
 */
export function koelnerPhonetik(word: string): string {
  const letters = lettersOf(word);
  let raw = '';
  for (let i = 0; i < letters.length; i += 1) raw += codeAt(letters, i);
  let collapsed = '';
  for (const digit of raw) if (collapsed[collapsed.length - 1] !== digit) collapsed += digit;
  return (collapsed[0] ?? '') + collapsed.slice(1).replace(/0/g, '');
}

/**
 * Phonetic key of a (possibly multi-part) name: each word separated by spaces or hyphens
 * coded on its own, joined with a space ("Hans-Peter" and "Hans Peter" meet).
 */
export function phoneticKey(name: string): string {
  return name
    .split(/[\s\-‐–]+/)
    .map(koelnerPhonetik)
    .filter((code) => code !== '')
    .join(' ');
}
