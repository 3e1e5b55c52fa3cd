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

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** The handle's skeleton (letter runs → L, digits → D, other characters kept; a leading @ dropped). */
export function handleSkeleton(handle: string): string {
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

/** Skeleton and family size (distinct accounts) for each account key (`platform:id`) that has a handle. */
export function handleFamilies(accounts: readonly Account[]): Map<string, { skeleton: string; family: number }> {
  const skeletons = new Map<string, string>();
  for (const a of accounts) {
    // A key listed twice counts once, with its last handle (as the store's upsert keeps it).
    if (a.handle !== undefined && a.handle.trim() !== '') skeletons.set(`${a.platform}:${a.id}`, handleSkeleton(a.handle.trim()));
  }
  const sizes = new Map<string, number>();
  for (const [key, skeleton] of skeletons) {
    const family = `${key.slice(0, key.indexOf(':'))}\u0000${skeleton}`;
    sizes.set(family, (sizes.get(family) ?? 0) + 1);
  }
  const out = new Map<string, { skeleton: string; family: number }>();
  for (const [key, skeleton] of skeletons) {
    const platform = key.slice(0, key.indexOf(':'));
    out.set(key, { skeleton, family: sizes.get(`${platform}\u0000${skeleton}`) ?? 0 });
  }
  return out;
}

/** True when a skeleton with this family size counts as a template. */
export function isTemplated(skeleton: string, family: number, minFamily: number): boolean {
  return family >= minFamily && skeleton.includes('D');
}
