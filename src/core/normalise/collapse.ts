// The last pass of text normalisation, table-driven for speed (one lookup per UTF-16 unit instead of several
// Unicode-property regex passes): drops marks and apostrophes, folds look-alikes (and ß → ss, ς → σ), keeps letters
// and digits, and turns every other run of characters into a single space.

import { HOMOGLYPHS } from './homoglyphs.ts';

const SEP = 0;
const KEEP = 1;
const DROP = 2;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const APOSTROPHES = new Set(["'", '’', 'ʼ', '`', '´']);
const EXTRA_FOLDS = new Map<string, string>([
  ['ß', 'ss'],
  ['ς', 'σ'],
]);

// class of every BMP unit, and its replacement when it is a folded letter
const CLASS = new Uint8Array(0x10000);
const IS_LETTER = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;
const REPLACE = new Map<number, string>();
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: handled per code point below
  const ch = String.fromCharCode(c);
  if (MARK.test(ch) || APOSTROPHES.has(ch)) CLASS[c] = DROP;
  else if (LETTER_OR_DIGIT.test(ch)) CLASS[c] = KEEP;
  if (LETTER.test(ch)) IS_LETTER[c] = 1;
}
for (const [from, to] of [...HOMOGLYPHS, ...EXTRA_FOLDS]) REPLACE.set(from.charCodeAt(0), to);

/** Letters and digits of lower-cased text, look-alikes folded, separated by single spaces, trimmed. */
export function collapseLower(lower: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    let piece: string;
    let cls: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length) {
      piece = String.fromCodePoint(lower.codePointAt(i) as number);
      i++;
      cls = MARK.test(piece) ? DROP : LETTER_OR_DIGIT.test(piece) ? KEEP : SEP;
    } else {
      cls = CLASS[c] as number;
      piece = cls === KEEP ? (REPLACE.get(c) ?? lower[i] as string) : '';
    }
    if (cls === DROP) continue;
    if (cls === SEP) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += piece;
  }
  return out;
}

/** Letters, and space-separated words containing a letter, of a normalised text. */
export function countLettersAndWords(normalised: string): { letters: number; words: number } {
  let letters = 0;
  let words = 0;
  let wordHasLetter = false;
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised.charCodeAt(i);
    if (c === 0x20) {
      if (wordHasLetter) words++;
      wordHasLetter = false;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < normalised.length) {
      if (LETTER.test(String.fromCodePoint(normalised.codePointAt(i) as number))) {
        letters++;
        wordHasLetter = true;
      }
      i++;
    } else if (IS_LETTER[c] === 1) {
      letters++;
      wordHasLetter = true;
    }
  }
  return { letters, words: wordHasLetter ? words + 1 : words };
}
