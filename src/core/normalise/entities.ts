// Links, hashtags and mentions written inside a text, for exports that have no list columns for them (the IRA
// tweets, VK comments, 4CAT, CrowdTangle messages). Values are kept as written; co-link normalises URLs later.
import type { Action } from '../model.ts';

// A hashtag is `#` then word characters with at least one letter or `_`, and not right after a word character or
// `&` (mid-word, HTML entity). Found by indexOf and a sticky match: a scanning regex with a Unicode look-behind class
// cost 2.5× more on the IRA tweets.
const HASHTAG_AT = /#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/uy;
const BEFORE_HASHTAG = /[\p{L}\p{N}_&]$/u;
// A mention is `@` then a handle, not right after a word character, `.` or `@` (e-mail addresses); found the same way.
const MENTION_AT = /@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,62}[A-Za-z0-9_])?)/y;
const BEFORE_MENTION = /[\p{L}\p{N}_.@]$/u;
// A link runs from its scheme to the next space or quote; trailing punctuation belongs to the sentence. A regular
// expression, not linkifyjs: on the 581k IRA tweets linkify cost 25 CPU-seconds.
const LINK = /\bhttps?:\/\/[^\s<>"'«»“”\u2026]+/gi;
const TRAILING = /[.,;:!?)\]}]+$/;
const TRAILING_CHARS = '.,;:!?)]}';

/** The distinct http(s) links in a text, in order (only links with a scheme: bare domains stay words). */
export function linksIn(text: string): string[] {
  if (!text.includes('http')) return [];
  const out: string[] = [];
  // An exec loop, not matchAll (which copies the regular expression on every call).
  LINK.lastIndex = 0;
  for (let m = LINK.exec(text); m !== null; m = LINK.exec(text)) {
    let link = m[0];
    if (TRAILING_CHARS.includes(link[link.length - 1]!)) link = link.replace(TRAILING, '');
    if (link.length > 8 && !out.includes(link)) out.push(link);
  }
  return out;
}

/** The distinct hashtags of a text, without `#`, as written. */
export function hashtagsIn(text: string): string[] {
  return matchesAfter(text, '#', HASHTAG_AT, BEFORE_HASHTAG);
}

/** The distinct @mentions of a text, without `@`. */
export function mentionsIn(text: string): string[] {
  return matchesAfter(text, '@', MENTION_AT, BEFORE_MENTION);
}

/** Distinct first groups of a sticky `pattern` at each `mark` whose preceding character does not match `before`. */
function matchesAfter(text: string, mark: string, pattern: RegExp, before: RegExp): string[] {
  const out: string[] = [];
  for (let i = text.indexOf(mark); i >= 0; ) {
    let next = i + 1;
    // Two code units: the character before may be an astral letter (a surrogate pair).
    if (i === 0 || !before.test(text.slice(Math.max(0, i - 2), i))) {
      pattern.lastIndex = i;
      const m = pattern.exec(text);
      if (m !== null) {
        if (!out.includes(m[1]!)) out.push(m[1]!);
        next = pattern.lastIndex;
      }
    }
    i = text.indexOf(mark, next);
  }
  return out;
}

/** Fills an action's empty link, hashtag and mention lists from its text; lists the export gave are kept. */
export function fillEntitiesFromText(action: Action): void {
  const text = action.text;
  if (text === undefined || text === '') return;
  if (action.urls.length === 0) action.urls = linksIn(text);
  if (action.hashtags.length === 0) action.hashtags = hashtagsIn(text);
  if (action.mentions.length === 0) action.mentions = mentionsIn(text);
}
