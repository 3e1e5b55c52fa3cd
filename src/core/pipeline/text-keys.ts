// The co-text layer's key column: each action's near-duplicate text cluster, named by its representative text.
import { nearDuplicateClusters, type NearDuplicateOptions } from '../detect/near-duplicate.ts';

export interface TextKeyColumn {
  /** Cluster index per action, −1 when the text is too short or has no duplicate. */
  key: Int32Array;
  /** Representative text per cluster index. */
  names: string[];
  clusters: number;
  distinctTexts: number;
}

/** Clusters the actions' texts and turns cluster ids into dense key indices (in order of first appearance). */
export function textKeyColumn(texts: readonly string[], options: Partial<NearDuplicateOptions> = {}): TextKeyColumn {
  const result = nearDuplicateClusters(texts, options);
  const representative = new Map(result.clusters.map((c) => [c.id, c.representative]));
  const dense = new Map<number, number>();
  const names: string[] = [];
  const key = new Int32Array(texts.length).fill(-1);
  for (let i = 0; i < texts.length; i++) {
    const c = result.clusterOf[i]!;
    if (c < 0) continue;
    let k = dense.get(c);
    if (k === undefined) {
      k = names.length;
      dense.set(c, k);
      names.push(representative.get(c) ?? texts[c] ?? '');
    }
    key[i] = k;
  }
  return { key, names, clusters: names.length, distinctTexts: result.distinctTexts };
}
