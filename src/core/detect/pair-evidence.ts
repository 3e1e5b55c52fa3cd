// Pair evidence: the action pairs behind every edge, kept in growing typed arrays during the sweep.
import type { KeySegments } from './sort-traces.ts';
import type { Traces } from './traces.ts';

/** One row per co-action pair: `a` acted first (ties: the earlier trace), `dt` = time_b − time_a ≥ 0 in ms. */
export interface PairEvidence {
  count: number;
  a: Int32Array;
  b: Int32Array;
  key: Int32Array;
  actionA: Int32Array;
  actionB: Int32Array;
  traceA: Int32Array;
  traceB: Int32Array;
  dt: Float64Array;
}

/** Collects (earlier trace, later trace) pairs. */
export class PairBuffer {
  count = 0;
  private first = new Int32Array(1024);
  private second = new Int32Array(1024);

  push(earlier: number, later: number): void {
    if (this.count === this.first.length) {
      const f = new Int32Array(this.count * 2);
      f.set(this.first);
      this.first = f;
      const s = new Int32Array(this.count * 2);
      s.set(this.second);
      this.second = s;
    }
    this.first[this.count] = earlier;
    this.second[this.count] = later;
    this.count++;
  }

  /** Resolves the kept rows (`keep(a, b)` on account indices) into full evidence, in push order. */
  resolve(traces: Traces, keep: (a: number, b: number) => boolean): PairEvidence {
    const rows: number[] = [];
    for (let i = 0; i < this.count; i++) {
      if (keep(traces.account[this.first[i]!]!, traces.account[this.second[i]!]!)) rows.push(i);
    }
    const n = rows.length;
    const out: PairEvidence = {
      count: n,
      a: new Int32Array(n),
      b: new Int32Array(n),
      key: new Int32Array(n),
      actionA: new Int32Array(n),
      actionB: new Int32Array(n),
      traceA: new Int32Array(n),
      traceB: new Int32Array(n),
      dt: new Float64Array(n),
    };
    for (let r = 0; r < n; r++) {
      const i = rows[r]!;
      const x = this.first[i]!;
      const y = this.second[i]!;
      out.a[r] = traces.account[x]!;
      out.b[r] = traces.account[y]!;
      out.key[r] = traces.key[x]!;
      out.actionA[r] = traces.action[x]!;
      out.actionB[r] = traces.action[y]!;
      out.traceA[r] = x;
      out.traceB[r] = y;
      out.dt[r] = traces.time[y]! - traces.time[x]!;
    }
    return out;
  }
}

/**
 * The evidence rows of the pairs `wanted(a, b)` accepts, in `coAction`'s sweep order, at most `evidencePerKey` of
 * them per key: the evidence of a few kept edges without buffering every pair. The cap counts only the rows kept,
 * so an edge whose accounts meet late on a popular key (after thousands of other pairs there) still gets its
 * pairs; `coAction`'s own evidence caps all pairs of a key.
 */
export function sweepEvidence(
  traces: Traces,
  segments: KeySegments,
  segmentWeight: Float64Array,
  window: number,
  evidencePerKey: number,
  wanted: (a: number, b: number) => boolean,
  /** Accounts (1) that take part in some wanted pair: the others' traces are skipped before pairing. */
  involved?: Uint8Array,
): PairEvidence {
  const { account, time, action } = traces;
  const { order, start } = segments;
  const buffer = new PairBuffer();
  // A key's traces of involved accounts, in sweep order: the pairs among them are the wanted ones' superset, met
  // in the same order as in the full sweep.
  let sub = new Int32Array(0);
  for (let s = 0; s + 1 < start.length; s++) {
    if (!(segmentWeight[s]! > 0)) continue;
    let from = start[s]!;
    let to = start[s + 1]!;
    let seq = order;
    if (involved !== undefined) {
      if (sub.length < to - from) sub = new Int32Array(Math.max(to - from, sub.length * 2));
      let n = 0;
      for (let j = from; j < to; j++) if (involved[account[order[j]!]!] === 1) sub[n++] = order[j]!;
      if (n < 2) continue;
      seq = sub;
      from = 0;
      to = n;
    }
    let onKey = 0;
    let lo = from;
    for (let j = from + 1; j < to && onKey < evidencePerKey; j++) {
      const tj = seq[j]!;
      const timeJ = time[tj]!;
      while (timeJ - time[seq[lo]!]! > window) lo++;
      const accJ = account[tj]!;
      const actJ = action[tj]!;
      for (let i = lo; i < j && onKey < evidencePerKey; i++) {
        const ti = seq[i]!;
        const accI = account[ti]!;
        if (accI === accJ || action[ti] === actJ || !wanted(accI, accJ)) continue;
        buffer.push(ti, tj);
        onKey++;
      }
    }
  }
  return buffer.resolve(traces, () => true);
}
