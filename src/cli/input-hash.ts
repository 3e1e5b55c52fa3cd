// The input hash stored with a run: sha256 over the columns detection read (ids, accounts, times, kinds).
import { createHash } from 'node:crypto';
import type { ActionColumns } from '../core/columns.ts';

export function inputHash(c: ActionColumns): string {
  const h = createHash('sha256');
  h.update(c.accountKeys.join('\n'));
  h.update(new Uint8Array(c.account.buffer, c.account.byteOffset, c.account.byteLength));
  h.update(new Uint8Array(c.time.buffer, c.time.byteOffset, c.time.byteLength));
  h.update(c.kind);
  h.update(c.ids.join('\n'));
  return h.digest('hex');
}
