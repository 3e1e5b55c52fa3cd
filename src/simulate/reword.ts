// Light rewording operators apply to a talking point so copies are not byte-identical: word swaps, typos,
// emoji, punctuation and Latin letters that look like Cyrillic ones.
import type { Rng } from './rng.ts';

const LOOKALIKE: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', А: 'A',
  Е: 'E', О: 'O', Р: 'P', С: 'C', Х: 'X', К: 'K', М: 'M', Т: 'T', Н: 'H', В: 'B' };
const EMOJI = ['👍', '🔥', '💪', '🇰🇬', '👏', '✊', '❤️', '🙏', '😡', '🤮', '👎', '😂'];

function swapWords(text: string, rng: Rng): string {
  const words = text.split(' ');
  if (words.length < 3) return text;
  const i = rng.int(words.length - 1);
  const a = words[i] as string;
  words[i] = words[i + 1] as string;
  words[i + 1] = a;
  return words.join(' ');
}

function typo(text: string, rng: Rng): string {
  const chars = Array.from(text);
  if (chars.length < 6) return text;
  const i = 1 + rng.int(chars.length - 3);
  switch (rng.int(3)) {
    case 0: chars.splice(i, 1); break;
    case 1: chars.splice(i, 0, chars[i] as string); break;
    default: {
      const a = chars[i] as string;
      chars[i] = chars[i + 1] as string;
      chars[i + 1] = a;
    }
  }
  return chars.join('');
}

function lookalikes(text: string, rng: Rng): string {
  let out = '';
  for (const ch of text) out += LOOKALIKE[ch] !== undefined && rng.chance(0.35) ? LOOKALIKE[ch] : ch;
  return out;
}

function punctuation(text: string, rng: Rng): string {
  const bare = text.replace(/[!.?]+$/u, '');
  return bare + rng.pick(['!!!', '!', '', '.', '!!', ' !']);
}

/** Applies one to three light edits; the meaning stays, the bytes change. */
export function reword(text: string, rng: Rng): string {
  let out = text;
  const edits = 1 + rng.int(3);
  for (let e = 0; e < edits; e++) {
    switch (rng.int(6)) {
      case 0: out = swapWords(out, rng); break;
      case 1: out = typo(out, rng); break;
      case 2: out = lookalikes(out, rng); break;
      case 3: out = punctuation(out, rng); break;
      case 4: out = `${out} ${rng.pick(EMOJI)}${rng.chance(0.4) ? rng.pick(EMOJI) : ''}`; break;
      default: out = rng.chance(0.5) ? out.toLowerCase() : out.charAt(0).toUpperCase() + out.slice(1);
    }
  }
  return out;
}
