// Pair evidence: the action pairs behind every edge, kept in growing typed arrays during the sweep.
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
