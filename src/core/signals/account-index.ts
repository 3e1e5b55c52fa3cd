// Accounts found by their key (`platform:id`) without a map of every account when they come sorted by key, as a
// store gives them for a read's dictionary: filling a Map with the detect bench's 74,964 account ids took 45–100 ms
// (scratch `.cache/bak10.ts`), and the findings filled three; a binary search for each selected key costs a few.
import type { Account } from '../model.ts';
import { searchSorted } from '../compare-strings.ts';
import { ByAccountKey } from './by-account-key.ts';

/** Where each account key is in a list of accounts; the last one given for a key, as a store's upsert keeps it. */
export class AccountIndex {
  /** Accounts in strictly ascending key order (each key once): looked up by binary search, else by `byKey`. */
  readonly sorted: boolean;
  private readonly byKey: ByAccountKey<number> | undefined;

  constructor(private readonly accounts: readonly Account[]) {
    let sorted = true;
    for (let i = 1; i < accounts.length && sorted; i++) sorted = compareKeys(accounts[i - 1]!, accounts[i]!) < 0;
    this.sorted = sorted;
    if (!sorted) {
      this.byKey = new ByAccountKey<number>();
      accounts.forEach((a, i) => this.byKey!.set(a.platform, a.id, i));
    }
  }

  /** The position of the account `key` (`platform:id`), or −1. */
  indexOf(key: string): number {
    const at = key.indexOf(':');
    if (at < 0) return -1;
    if (this.byKey !== undefined) return this.byKey.get(key) ?? -1;
    const probe = { platform: key.slice(0, at), id: key.slice(at + 1) };
    return searchSorted(this.accounts.length, (i) => compareKeys(this.accounts[i]!, probe));
  }

  /** The account `key` (`platform:id`), if any. */
  get(key: string): Account | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.accounts[i];
  }

  /** The position of each key's account (the last one given), keys in the order they first came. */
  *positions(): IterableIterator<number> {
    if (this.byKey === undefined) {
      for (let i = 0; i < this.accounts.length; i++) yield i;
      return;
    }
    for (const [, ids] of this.byKey.platforms()) yield* ids.values();
  }
}

/** `x` against `y` by their keys `platform:id` in UTF-16 code units, as `<` compares the key strings. */
export function compareKeys(x: Pick<Account, 'platform' | 'id'>, y: Pick<Account, 'platform' | 'id'>): number {
  if (x.platform === y.platform) return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  const xl = x.platform.length + 1 + x.id.length;
  const yl = y.platform.length + 1 + y.id.length;
  for (let k = 0; k < xl && k < yl; k++) {
    const d = keyChar(x, k) - keyChar(y, k);
    if (d !== 0) return d;
  }
  return xl - yl;
}

/** Code unit k of `platform:id`. */
function keyChar(a: Pick<Account, 'platform' | 'id'>, k: number): number {
  const p = a.platform.length;
  return k < p ? a.platform.charCodeAt(k) : k === p ? 58 : a.id.charCodeAt(k - p - 1);
}
