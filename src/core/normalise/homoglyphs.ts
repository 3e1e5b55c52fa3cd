// Look-alike letters folded to one canonical letter, applied after lower-casing.
//
// Direction: where a Latin letter has a Cyrillic twin, the Cyrillic letter is canonical (the texts we read are mostly
// Russian and Kyrgyz, so most keys stay readable). Lower-casing runs first, so a pair is listed when either case looks
// alike: A/А a/а, B/В, C/С c/с, E/Е e/е, H/Н, K/К, M/М, O/О o/о, P/Р p/р, T/Т, X/Х x/х, Y/У y/у, I/І i/і. Letters whose
// only twin is rare Cyrillic (ѕ, ј, ԁ, ԛ, ԝ, palochka ӏ) fold to Latin. Greek capitals that look Latin/Cyrillic fold too,
// and so do the "small capital" letters of fancy-text generators (NFKC leaves those alone).
// Each pair was checked by hand against the glyphs; the npm `unhomoglyph` table was not used (old data, and it folds
// to Latin, which would mangle Cyrillic keys).
//
// Kept distinct on purpose: Kyrgyz ң ө ү (they are letters of their own: көп "many" vs коп, үй "house" vs уй);
// й vs и; digits (0/о, 3/з, 6/б would merge real numbers with words); n/п, u/и, r/г (alike only in italics).
// Known gap: Latin capital Y looks like Kyrgyz Ү but folds (via y) to у, because y/у is the common spoof.

/** Canonical letter for each look-alike, keyed by the lower-case character. */
export const HOMOGLYPHS: ReadonlyMap<string, string> = new Map<string, string>([
  // Latin → Cyrillic
  ['a', 'а'],
  ['b', 'в'],
  ['c', 'с'],
  ['e', 'е'],
  ['h', 'н'],
  ['i', 'і'],
  ['k', 'к'],
  ['m', 'м'],
  ['o', 'о'],
  ['p', 'р'],
  ['t', 'т'],
  ['x', 'х'],
  ['y', 'у'],
  ['ë', 'е'], // ë looks like ё, and ё folds to е (below)
  ['ɵ', 'ө'],
  // Cyrillic variants
  ['ё', 'е'], // Russian writers use е for ё freely; keep one key
  ['һ', 'н'], // shha looks like h, and h folds to н
  ['ӏ', 'і'], // palochka looks like I
  ['ѕ', 's'],
  ['ј', 'j'],
  ['ԁ', 'd'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  // Greek (lower case of capitals that look Latin/Cyrillic)
  ['α', 'а'],
  ['β', 'в'],
  ['ε', 'е'],
  ['η', 'н'],
  ['ι', 'і'],
  ['κ', 'к'],
  ['μ', 'м'],
  ['ν', 'v'],
  ['ο', 'о'],
  ['ρ', 'р'],
  ['τ', 'т'],
  ['υ', 'у'],
  ['χ', 'х'],
  ['ζ', 'z'],
  // small capitals (U+1D00 block and IPA)
  ['ᴀ', 'а'],
  ['ʙ', 'в'],
  ['ᴄ', 'с'],
  ['ᴅ', 'd'],
  ['ᴇ', 'е'],
  ['ɢ', 'g'],
  ['ʜ', 'н'],
  ['ɪ', 'і'],
  ['ᴊ', 'j'],
  ['ᴋ', 'к'],
  ['ʟ', 'l'],
  ['ᴍ', 'м'],
  ['ɴ', 'n'],
  ['ᴏ', 'о'],
  ['ᴘ', 'р'],
  ['ʀ', 'r'],
  ['ᴛ', 'т'],
  ['ᴜ', 'u'],
  ['ᴠ', 'v'],
  ['ᴡ', 'w'],
  ['ʏ', 'у'],
  ['ᴢ', 'z'],
]);

/** Replaces every look-alike letter in lower-cased text by its canonical letter. */
export function foldHomoglyphs(lower: string): string {
  let out = '';
  for (const ch of lower) out += HOMOGLYPHS.get(ch) ?? ch;
  return out;
}
