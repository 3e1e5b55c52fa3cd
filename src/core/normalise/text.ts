// Text normalisation for the co-text layer (Russian, Kyrgyz, English): the key under which copy-pasted texts meet.
//
// Steps, in order (the order matters: URLs are found before look-alike folding would turn "http" into "нттр"):
//  1. NFKC: full-width, ligatures, mathematical and circled letters → plain letters.
//  2. Invisible characters removed without a trace (zero-width space/joiners, soft hyphen, BOM, bidi marks):
//     they are the cheapest way to make copies differ byte-wise, and "при\u200Bвет" must stay one word.
//  3. VK reply markup `[id123|Name],` / `[club1|Page]` removed (also with hashed ids, as in MKWM2022): it names
//     the addressee, not the message.
//  4. URLs and @mentions REMOVED (not replaced by a placeholder). A copy-paste campaign posts one text with
//     different short links (each t.co link differs) and to different addressees; the co-link and co-target
//     layers judge links and addressees. A placeholder would only add a shared token to unrelated texts that
//     both carry a link, and would let "Поздравляю! <url>" pass the minimum length. A leading "RT @user:" goes too.
//  5. Lower case (JS toLowerCase, plus ß→ss, final ς→σ for a fuller case fold).
//  6. One table-driven pass (collapse.ts): combining marks left after NFKC dropped (stress marks "замо́к"; й and ё
//     are precomposed and stay); apostrophes dropped ("don't" → "dont"); look-alike letters folded
//     (homoglyphs.ts; Kyrgyz ң ө ү kept distinct); every other run of punctuation, symbols, whitespace and EMOJI
//     becomes one space. Emoji are dropped because adding or swapping them is the commonest light rewording and
//     they carry little of a template's identity (keycap digits keep their digit).
//     The result holds only letters, digits and single spaces.
// The function is idempotent (normalising twice equals once; a property test checks it).

import { collapseLower, countLettersAndWords } from './collapse.ts';
import { hash53 } from './hash.ts';

const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu;
const VK_MARKUP = /\[(?:id|club|public|event)[0-9a-z_]+\|[^\]\n]*\]\s*,?/gu;
const URL_LIKE =
  /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"]*/giu;
const RETWEET_PREFIX = /^\s*RT\s*(?=@)/iu; // "RT @user: text" is the retweet of "text"
const MENTION = /(^|[^\p{L}\p{N}_@])@[\p{L}\p{N}_.]+/gu;

/** Normalised text: letters, digits and single spaces only (see the steps above). */
export function normaliseText(raw: string): string {
  let s = raw.normalize('NFKC').replace(INVISIBLE, '');
  // cheap guards skip regex passes that cannot match (most texts have no markup, few have mentions)
  if (s.includes('|')) s = s.replace(VK_MARKUP, ' ');
  if (s.includes('/') || s.includes('www.') || s.includes('WWW.')) s = s.replace(URL_LIKE, ' ');
  if (s.includes('@')) s = s.replace(RETWEET_PREFIX, '').replace(MENTION, '$1 ');
  // a second NFKC: lower-casing and mark removal can leave composable sequences, and idempotence needs them composed
  return collapseLower(s.toLowerCase()).normalize('NFKC');
}

/** Letter and word counts of a normalised text; words are space-separated runs containing a letter. */
export function textSize(normalised: string): { letters: number; words: number } {
  return countLettersAndWords(normalised);
}

/** Minimum size for a text to link accounts. */
export interface MinTextSize {
  /** Letters after normalisation; default 24. */
  minLetters: number;
  /** Words containing a letter; default 4. */
  minWords: number;
}

/**
 * Defaults chosen so that one-word greetings ("Аминь", "Congratulations!", "Куттуктайм", "Поздравляю!") and short
 * stock phrases ("С Новым годом!", 11 letters) never link accounts, while a short headline does ("Захарченко: ОБСЕ
 * игнорирует гибель мирных жителей", 6 words, 44 letters). Longer stock phrases still pass; rarity weighting in the
 * significance step discounts them.
 */
export const DEFAULT_MIN_TEXT_SIZE: Readonly<MinTextSize> = { minLetters: 24, minWords: 4 };

/** True when a normalised text is long enough to link accounts. */
export function isLinkableText(normalised: string, min: Readonly<MinTextSize> = DEFAULT_MIN_TEXT_SIZE): boolean {
  if (normalised.length < min.minLetters) return false;
  const { letters, words } = textSize(normalised);
  return letters >= min.minLetters && words >= min.minWords;
}

/** Exact-duplicate key of a normalised text: 53-bit hash as 14 hex digits (stable across runs and machines). */
export function textKey(normalised: string): string {
  return hash53(normalised).toString(16).padStart(14, '0');
}
