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
 * The evidence rows `coAction` would have kept (first `evidencePerKey` pairs per enumerated key, in sweep order),
 * restricted to the pairs `wanted(a, b)` accepts: the evidence of a few kept edges without buffering every pair.
 */
export function sweepEvidence(
  traces: Traces,
  segments: KeySegments,
  segmentWeight: Float64Array,
  window: number,
  evidencePerKey: number,
  wanted: (a: number, b: number) => boolean,
): PairEvidence {
  const { account, time, action } = traces;
  const { order, start } = segments;
  const buffer = new PairBuffer();
  for (let s = 0; s + 1 < start.length; s++) {
    if (!(segmentWeight[s]! > 0)) continue;
    const from = start[s]!;
    const to = start[s + 1]!;
    let onKey = 0;
    let lo = from;
    for (let j = from + 1; j < to && onKey < evidencePerKey; j++) {
      const tj = order[j]!;
      const timeJ = time[tj]!;
      while (timeJ - time[order[lo]!]! > window) lo++;
      const accJ = account[tj]!;
      const actJ = action[tj]!;
      for (let i = lo; i < j && onKey < evidencePerKey; i++) {
        const ti = order[i]!;
        const accI = account[ti]!;
        if (accI === accJ || action[ti] === actJ) continue;
        if (wanted(accI, accJ)) buffer.push(ti, tj);
        onKey++;
      }
    }
  }
  return buffer.resolve(traces, () => true);
}
