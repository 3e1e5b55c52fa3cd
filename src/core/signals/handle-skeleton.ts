// Templated handles: troll factories register accounts from a template (a first name, a surname, a number), so
// their handles share a skeleton even though the letters differ.
//
// Skeleton: every run of letters (any script) becomes one `L`, every digit becomes `D`, other characters stay
// (`ivan_petrov_1987` → `L_L_DDDD`; `@Maria.Ivanova90` → `L.LDD`). Letter runs collapse because generated
// names vary in length; digits do not because a generator's numeric suffix usually has a fixed width.
// A family is the set of accounts of one platform with one skeleton. An account has a templated handle when its
// family has at least `minFamily` members (default 5: a template is used many times; 2–3 look-alike handles
// happen by chance) and the skeleton holds a digit (letters-only skeletons such as `L` or `L_L` are how most
// people write their handle, so they say nothing).
// False positives: popular human styles (`LDDDD`, a name and a birth year) form large families in big data sets;
// this is one reason the signal is weak and never flags an account alone.
import type { Account } from '../model.ts';
import { AccountIndex } from './account-index.ts';

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** The handle's skeleton (letter runs → L, digits → D, other characters kept; a leading @ dropped). */
export function handleSkeleton(handle: string): string {
  if (ASCII.test(handle)) return asciiSkeleton(handle);
  let out = '';
  let inLetters = false;
  for (const ch of handle.normalize('NFKC').replace(/^@/, '')) {
    if (LETTER.test(ch)) {
      if (!inLetters) out += 'L';
      inLetters = true;
    } else {
      out += DIGIT.test(ch) ? 'D' : ch;
      inLetters = false;
    }
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;
const AT = 64;

/**
 * handleSkeleton of an ASCII handle (most of them), without the Unicode machinery: NFKC leaves ASCII as it is, and
 * its only letters and decimal digits are A–Z, a–z and 0–9.
 */
function asciiSkeleton(handle: string): string {
  let out = '';
  let inLetters = false;
  for (let i = handle.charCodeAt(0) === AT ? 1 : 0; i < handle.length; i++) {
    const c = handle.charCodeAt(i);
    if ((c | 32) >= 97 && (c | 32) <= 122) {
      if (!inLetters) out += 'L';
      inLetters = true;
    } else {
      out += c >= 48 && c <= 57 ? 'D' : handle[i]!;
      inLetters = false;
    }
  }
  return out;
}

/** A handle's skeleton and its family's size (distinct accounts of its platform with that skeleton). */
export interface HandleFamily {
  skeleton: string;
  family: number;
}

/**
 * The skeletons of the accounts that have a handle and their families, counted over every account. A key listed
 * twice counts once, with its last handle (as the store's upsert keeps it): the index of the accounts with a handle
 * gives the last of them per key (and needs no map of them when they come sorted by key).
 */
export class HandleFamilies {
  private readonly handled: Account[];
  private readonly index: AccountIndex;
  private readonly skeletons: string[];
  private readonly sizes = new Map<string, Map<string, number>>();

  constructor(accounts: readonly Account[]) {
    this.handled = accounts.filter((a) => (a.handle?.trim() ?? '') !== '');
    this.index = new AccountIndex(this.handled);
    this.skeletons = new Array<string>(this.handled.length);
    for (const i of this.index.positions()) {
      const a = this.handled[i]!;
      const skeleton = (this.skeletons[i] = handleSkeleton(a.handle!.trim()));
      let m = this.sizes.get(a.platform);
      if (m === undefined) this.sizes.set(a.platform, (m = new Map()));
      m.set(skeleton, (m.get(skeleton) ?? 0) + 1);
    }
  }

  /** The family of account `key` (`platform:id`), if it has a handle. */
  of(key: string): HandleFamily | undefined {
    const i = this.index.indexOf(key);
    return i < 0 ? undefined : this.at(i);
  }

  /** The family of every account with a handle, by key (`platform:id`). */
  all(): Map<string, HandleFamily> {
    const out = new Map<string, HandleFamily>();
    for (const i of this.index.positions()) out.set(`${this.handled[i]!.platform}:${this.handled[i]!.id}`, this.at(i));
    return out;
  }

  private at(i: number): HandleFamily {
    const skeleton = this.skeletons[i]!;
    return { skeleton, family: this.sizes.get(this.handled[i]!.platform)!.get(skeleton)! };
  }
}

/** True when a skeleton with this family size counts as a template. */
export function isTemplated(skeleton: string, family: number, minFamily: number): boolean {
  return family >= minFamily && skeleton.includes('D');
}
