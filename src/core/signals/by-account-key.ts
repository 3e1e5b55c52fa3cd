// Values per account, kept per platform then id: a set costs no `platform:id` string (hashing tens of thousands of
// fresh keys cost more than the work they index), and a lookup by key splits it at its first colon.

/** Values by account, set by (platform, id) and looked up by `platform:id`. */
export class ByAccountKey<T> {
  private readonly byPlatform = new Map<string, Map<string, T>>();

  set(platform: string, id: string, value: T): void {
    let ids = this.byPlatform.get(platform);
    if (ids === undefined) this.byPlatform.set(platform, (ids = new Map()));
    ids.set(id, value);
  }

  /** The value of the account `platform:id`, if any. */
  get(key: string): T | undefined {
    const at = key.indexOf(':');
    return at < 0 ? undefined : this.byPlatform.get(key.slice(0, at))?.get(key.slice(at + 1));
  }

  /** Each platform with its values by id. */
  platforms(): IterableIterator<[string, ReadonlyMap<string, T>]> {
    return this.byPlatform.entries();
  }
}
