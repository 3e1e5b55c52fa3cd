// One layer of a run: traces → kernel → significance → RunEdges that carry the action pairs behind them.
import type { ActionColumns } from '../columns.ts';
import { coAction } from '../detect/co-action.ts';
import { sweepEvidence } from '../detect/pair-evidence.ts';
import { PairIndex } from '../detect/pair-table.ts';
import { layerTraces, type Layer, type LayerOptions } from '../detect/layer-traces.ts';
import { significance, type NullModel } from '../detect/significance.ts';
import type { PairEvidence as RunPairEvidence, RunEdge } from '../run.ts';
import { compareStrings } from '../compare-strings.ts';

export interface LayerEdgeOptions {
  window: number;
  minParticipation: number;
  alpha: number;
  /** Null model of the significance test (default `configuration`). */
  null?: NullModel;
  /** Evidence rows kept per edge (the edge's counts stay exact). */
  evidencePerEdge: number;
  layerOptions?: LayerOptions;
}

export interface LayerEdges {
  edges: RunEdge[];
  /** Edges tested before the significance filter. */
  tested: number;
  traces: number;
  cappedKeys: { layer: string; key: string; traces: number }[];
}

/** Numbers per evidence row while collecting (key, action A, action B, dt, account of action A). */
const EVIDENCE_FIELDS = 5;
/** Keys an edge needs to be significant (significance.ts `minKeys`); fewer is one coincidence. */
export const MIN_KEYS = 2;
/** Evidence rows kept per key for the kept edges (the kernel's own default cap per key, co-action.ts). */
const EVIDENCE_PER_KEY = 10_000;

/** Significant edges of one layer, with up to `evidencePerEdge` action pairs each (closest in time first). */
export function layerEdges(columns: ActionColumns, layer: Layer, o: LayerEdgeOptions): LayerEdges {
  const lt = layerTraces(columns, layer, o.layerOptions ?? {});
  // Edges met on fewer than MIN_KEYS keys are never significant, so the kernel returns them apart (account by
  // account, without the pair table: the bench's co-text and co-share have 275k and 174k edges, of which 3,378 and
  // 4,677 have two keys). The co-membership null gives them p = 1: they are only counted (exact BH, far less
  // memory); the configuration null ranks their p-values in BH, so they are listed with their pair counts
  // (`keepDropped`).
  const kernel = coAction(lt.traces, {
    window: o.window,
    minParticipation: o.minParticipation,
    evidence: false,
    edgeMinKeys: MIN_KEYS,
    ...(o.null === 'membership' ? {} : { keepDropped: true }),
  });
  const sig = significance(lt.traces, kernel, {
    window: o.window,
    minParticipation: o.minParticipation,
    alpha: o.alpha,
    minKeys: MIN_KEYS,
    ...(o.null === undefined ? {} : { null: o.null }),
  });
  const kept: number[] = [];
  for (let e = 0; e < sig.count; e++) if (sig.significant[e] === 1) kept.push(e);
  const edgeOf = new PairIndex(kept.length);
  kept.forEach((e, slot) => edgeOf.set(kernel.edges.a[e]!, kernel.edges.b[e]!, slot));
  // Evidence rows as numbers (EVIDENCE_FIELDS per row: key, first action, second action, dt, account of the first
  // action, to orient them to the edge's (a, b) below); strings are made only for the rows an edge keeps.
  const evidence: number[][] = kept.map(() => []);
  const inEdge = new Uint8Array(lt.accounts.length);
  for (const e of kept) inEdge[kernel.edges.a[e]!] = inEdge[kernel.edges.b[e]!] = 1;
  // Only kept edges' accounts are swept (inEdge); of their pairs, those that are kept edges.
  const wanted = (x: number, y: number): boolean => edgeOf.get(x, y) >= 0;
  const p = sweepEvidence(lt.traces, kernel.segments, kernel.segmentWeight, o.window, EVIDENCE_PER_KEY, wanted, inEdge);
  const occasions = new Occasions(kept.length);
  const actionKeys = new Map<number, string>();
  const actionKey = (row: number): string => {
    let k = actionKeys.get(row);
    if (k === undefined) {
      k = `${columns.platforms[columns.platform[row]!]}:${columns.ids[row]}`;
      actionKeys.set(row, k);
    }
    return k;
  };
  for (let r = 0; r < p.count; r++) {
    const slot = edgeOf.get(p.a[r]!, p.b[r]!);
    if (slot < 0) continue;
    occasions.add(slot, p.a[r]!, p.actionA[r]!, p.b[r]!, p.actionB[r]!);
    const list = evidence[slot]!;
    if (list.length >= o.evidencePerEdge * 4 * EVIDENCE_FIELDS) continue;
    list.push(p.key[r]!, p.actionA[r]!, p.actionB[r]!, p.dt[r]!, p.a[r]!);
  }
  const edges = kept.flatMap((e, slot): RunEdge[] => {
    // Repetition means two occasions: one copied post that carries two links is two keys but one occasion. An edge
    // whose pairs were not all kept as evidence (popular keys are capped in the kernel) cannot be checked: kept.
    if (!occasions.repeated(slot) && occasions.rows[slot]! >= kernel.edges.pairs[e]!) return [];
    const a = lt.accounts[kernel.edges.a[e]!]!;
    const b = lt.accounts[kernel.edges.b[e]!]!;
    const lo = a < b ? a : b;
    const list = evidence[slot]!;
    const candidates: { dt: number; actionA: number; actionB: number; key: number }[] = [];
    for (let i = 0; i < list.length; i += EVIDENCE_FIELDS) {
      const straight = lt.accounts[list[i + 4]!] === lo;
      candidates.push({
        key: list[i]!,
        actionA: straight ? list[i + 1]! : list[i + 2]!,
        actionB: straight ? list[i + 2]! : list[i + 1]!,
        dt: list[i + 3]!,
      });
    }
    const rows = candidates
      .sort((x, y) => x.dt - y.dt || compareStrings(actionKey(x.actionA), actionKey(y.actionA)) || compareStrings(actionKey(x.actionB), actionKey(y.actionB)))
      .slice(0, o.evidencePerEdge)
      .map((c): RunPairEvidence => ({ layer, key: lt.keys[c.key] ?? '', actionA: actionKey(c.actionA), actionB: actionKey(c.actionB), dt: c.dt }));
    return [{
      a: a < b ? a : b,
      b: a < b ? b : a,
      layer,
      pairs: kernel.edges.pairs[e]!,
      keys: kernel.edges.keys[e]!,
      weight: kernel.edges.weighted[e]!,
      p: sig.p[e]!,
      // An edge with no variance under the null has z = ∞, which JSON cannot hold: it is left out, p says it all.
      ...(Number.isFinite(sig.z[e]!) ? { z: sig.z[e]! } : {}),
      evidence: rows,
    }];
  });
  edges.sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  return {
    edges,
    tested: sig.count + kernel.droppedEdges,
    traces: lt.traces.count,
    cappedKeys: kernel.cappedKeys.map((c) => ({ layer, key: lt.keys[c.key] ?? String(c.key), traces: c.traces })),
  };
}

/** Per edge: whether each of its two accounts took part with at least two different actions. */
class Occasions {
  readonly rows: Int32Array;
  private readonly lowAction: Int32Array;
  private readonly highAction: Int32Array;
  private readonly flags: Uint8Array;

  constructor(edges: number) {
    this.rows = new Int32Array(edges);
    this.lowAction = new Int32Array(edges).fill(-1);
    this.highAction = new Int32Array(edges).fill(-1);
    this.flags = new Uint8Array(edges);
  }

  add(slot: number, accountA: number, actionA: number, accountB: number, actionB: number): void {
    this.rows[slot]!++;
    const [low, high] = accountA < accountB ? [actionA, actionB] : [actionB, actionA];
    this.note(slot, this.lowAction, low, 1);
    this.note(slot, this.highAction, high, 2);
  }

  repeated(slot: number): boolean {
    return this.flags[slot] === 3;
  }

  private note(slot: number, first: Int32Array, action: number, bit: number): void {
    if (first[slot] === -1) first[slot] = action;
    else if (first[slot] !== action) this.flags[slot]! |= bit;
  }
}
