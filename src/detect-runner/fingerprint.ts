// A cheap fingerprint of a columnar read, to check that two reads of one database saw the same actions.
import type { ActionColumns } from '../core/columns.ts';

/** Count, Σ seq, Σ time and the first and last ids: differs when an import landed between two reads. */
export function columnsFingerprint(c: ActionColumns): string {
  let seq = 0;
  let time = 0;
  for (let i = 0; i < c.count; i++) {
    seq += c.seq[i]!;
    time += c.time[i]! % 1e9;
  }
  return `${c.count}/${seq}/${time}/${c.ids[0] ?? ''}/${c.ids[c.count - 1] ?? ''}`;
}
