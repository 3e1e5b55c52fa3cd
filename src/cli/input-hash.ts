// The input hash stored with a run: sha256 over the columns detection read (account keys, accounts, times, kinds,
// action ids). The account keys and ids enter as their characters and the end of each (`joinedOf`: the joins that
// the layers worker and the snapshot already made). Runs stored by earlier code hashed the same columns joined by
// newlines, so their hashes differ from a new run's on the same data.
import { createHash } from 'node:crypto';
import type { ActionColumns } from '../core/columns.ts';
import { joinedOf, type JoinedStrings } from '../threads/joined-strings.ts';

export function inputHash(c: ActionColumns): string {
  const h = createHash('sha256');
  const strings = (j: JoinedStrings): void => {
    h.update(j.chars);
    h.update(bytes(j.ends));
  };
  strings(joinedOf(c.accountKeys));
  h.update(bytes(c.account));
  h.update(bytes(c.time));
  h.update(c.kind);
  strings(joinedOf(c.ids));
  return h.digest('hex');
}

const bytes = (a: Int32Array | Float64Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
