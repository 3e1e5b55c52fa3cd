import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseText, isLinkableText, textKey, textSize } from './text.ts';
import { HOMOGLYPHS } from './homoglyphs.ts';

// Pieces that exercise every step: mixed scripts, Kyrgyz letters, marks, emoji, invisibles, URLs, mentions, markup.
const PIECES = [
  'а', 'a', 'А', 'A', 'е', 'E', 'о', 'O', 'р', 'P', 'с', 'C', 'у', 'Y', 'х', 'X', 'і', 'I', 'н', 'H', 'к', 'K',
  'ң', 'Ң', 'ө', 'Ө', 'ү', 'Ү', 'й', 'ё', 'Ё', 'ß', 'ẞ', 'İ', 'ς', 'Σ', 'ǅ', 'ﬁ', 'Ａ', '𝐁', '①',
  '\u0301', '\u0306', '\u0308', '\u0307', '\u200B', '\u200D', '\u00AD', '\uFEFF',
  '👍', '🏻', '🇷🇺', '❤️', '1️⃣', '©', ' ', '  ', '\n', '\t', '!', '?!', '...', ',', '-', "'", '’', '#', '@', '_',
  'https://t.co/ab', 'www.x.ru', 'vk.com/id1', '@petya', '[id12|Вася],', '[club5|Page]', '[idfe90|Рашит],', 'привет', 'hello', '2024',
];
const messyText = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

test('normalising twice equals normalising once', () => {
  fc.assert(
    fc.property(fc.oneof(messyText, fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
      const once = normaliseText(s);
      assert.equal(normaliseText(once), once);
    }),
    { numRuns: 3000, seed: 42 },
  );
});

test('output holds only letters, digits and single inner spaces', () => {
  fc.assert(
    fc.property(messyText, (s) => {
      assert.match(normaliseText(s), /^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
    }),
    { numRuns: 2000, seed: 7 },
  );
});

// Upper- and lower-case letters that a spoofer swaps between the scripts (checked by eye, see homoglyphs.ts).
const SWAPS: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I',
};
const cyrillicText = fc
  .array(fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөүАВЕКМНОРСТХ .,!'.split('')), { maxLength: 40 })
  .map((cs) => cs.join(''));

test('homoglyph variants normalise equal', () => {
  fc.assert(
    fc.property(cyrillicText, fc.infiniteStream(fc.boolean()), (s, coin) => {
      const spoofed = [...s].map((ch) => (SWAPS[ch] !== undefined && coin.next().value ? SWAPS[ch] : ch)).join('');
      assert.equal(normaliseText(spoofed), normaliseText(s));
    }),
    { numRuns: 2000, seed: 11 },
  );
});

test('Kyrgyz ң ө ү stay distinct from н о у, and й from и', () => {
  assert.equal(normaliseText('Көп үй маңыз'), 'көп үй маңыз');
  assert.notEqual(normaliseText('көп'), normaliseText('коп'));
  assert.notEqual(normaliseText('үй'), normaliseText('уй'));
  assert.notEqual(normaliseText('маңыз'), normaliseText('маныз'));
  assert.notEqual(normaliseText('мой'), normaliseText('мои'));
  for (const ch of 'ңөүҢӨҮ') assert.equal(HOMOGLYPHS.has(ch.toLowerCase()), false);
});

test('URLs, mentions, VK markup, emoji, invisibles and punctuation runs are removed', () => {
  assert.equal(
    normaliseText('[id123|Вася Пупкин], ты не прав!!! 👍🏻👍 https://vk.com/wall-1_2?x=1 @petya при\u200Bвет...'),
    'ты не прав привет',
  );
  assert.equal(
    normaliseText('Захарченко: ОБСЕ игнорирует гибель мирных жителей   http://t.co/bvDdvi71yc http://t.co/7Wyyi5sYdh'),
    'захарченко обсе игнорирует гибель мирных жителей',
  );
  // look-alikes in a real headline: Latin E, O, C, H, K, T in place of Cyrillic
  assert.equal(
    normaliseText('ЗАХАРЧEНKO: OБCE игнорирует гибель мирных жителей youtu.be/xyz'),
    'захарченко обсе игнорирует гибель мирных жителей',
  );
  assert.equal(normaliseText('замо́к, Ёлка'), 'замок елка');
  // the MKWM2022 VK comments carry hashed ids: [id9e804746970a6464fa0d406917388f7a|Андрей],
  assert.equal(normaliseText('[id9e804746970a6464fa0d406917388f7a|Андрей], доброе утро'), 'доброе утро');
  assert.equal(normaliseText('mail me: a@b.ru'), normaliseText('mail me a b ru'));
  assert.equal(normaliseText('RT @rianru: Курс рубля снова упал'), normaliseText('Курс рубля снова упал'));
  assert.equal(normaliseText('Art @ home'), normaliseText('art home'));
});

test('one-word greetings never link accounts; a headline does', () => {
  for (const s of ['Аминь', 'Congratulations!', 'Куттуктайм', 'Поздравляю!', 'С Новым годом!', '👍👍👍', 'https://t.co/x']) {
    assert.equal(isLinkableText(normaliseText(s)), false, s);
  }
  assert.equal(isLinkableText(normaliseText('Захарченко: ОБСЕ игнорирует гибель мирных жителей')), true);
  assert.deepEqual(textSize('обсе 2015 игнорирует'), { letters: 14, words: 2 });
});

test('textKey is 14 hex digits and equal exactly for equal normalised texts', () => {
  const a = textKey(normaliseText('Привет, МИР!'));
  assert.match(a, /^[0-9a-f]{14}$/);
  assert.equal(textKey(normaliseText('привет мир')), a);
  assert.notEqual(textKey(normaliseText('привет мир!!! а')), a);
});
