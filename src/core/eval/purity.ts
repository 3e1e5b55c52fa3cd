// How each predicted network maps onto the true factories, and how much of each factory one network holds.
import type { AccountFinding, NetworkFinding } from '../run.ts';
import type { TruthAccount } from './truth.ts';

/** A predicted network's make-up by truth label. */
export interface NetworkPurity {
  network: number;
  size: number;
  trolls: number;
  organic: number;
  /** Members the truth does not list. */
  unlabelled: number;
  /** The factory with most members here, when any member is a troll with a factory. */
  factory?: string;
  /** Members of that factory / labelled members. */
  purity: number;
}

/** A factory and the one network that holds most of its accounts. */
export interface FactoryRecall {
  factory: string;
  size: number;
  /** -1 when no member is in any network. */
  bestNetwork: number;
  /** Members in the best network / factory size. */
  recall: number;
}

/** The key with the highest count; ties go to the smaller key. */
function argmax<K extends string | number>(counts: ReadonlyMap<K, number>): [K, number] | undefined {
  let best: [K, number] | undefined;
  for (const [k, n] of counts) if (!best || n > best[1] || (n === best[1] && k < best[0])) best = [k, n];
  return best;
}

/** One row per network, in the run's order. */
export function networkPurity(networks: readonly NetworkFinding[], truth: ReadonlyMap<string, TruthAccount>): NetworkPurity[] {
  return networks.map((n) => {
    let trolls = 0;
    let organic = 0;
    const factories = new Map<string, number>();
    for (const m of n.members) {
      const t = truth.get(m);
      if (t?.label === 'troll') {
        trolls++;
        if (t.factory !== undefined) factories.set(t.factory, (factories.get(t.factory) ?? 0) + 1);
      } else if (t?.label === 'organic') organic++;
    }
    const top = argmax(factories);
    const labelled = trolls + organic;
    return {
      network: n.id,
      size: n.members.length,
      trolls,
      organic,
      unlabelled: n.members.length - labelled,
      ...(top ? { factory: top[0] } : {}),
      purity: top && labelled > 0 ? top[1] / labelled : 0,
    };
  });
}

/** One row per factory, sorted by name. */
export function factoryRecall(trolls: readonly TruthAccount[], found: ReadonlyMap<string, AccountFinding>): FactoryRecall[] {
  const byFactory = new Map<string, TruthAccount[]>();
  for (const t of trolls) {
    if (t.factory === undefined) continue;
    const list = byFactory.get(t.factory) ?? [];
    list.push(t);
    byFactory.set(t.factory, list);
  }
  return [...byFactory.keys()].sort().map((factory) => {
    const members = byFactory.get(factory)!;
    const nets = new Map<number, number>();
    for (const m of members) {
      const n = found.get(m.key)?.network ?? -1;
      if (n >= 0) nets.set(n, (nets.get(n) ?? 0) + 1);
    }
    const best = argmax(nets);
    return {
      factory,
      size: members.length,
      bestNetwork: best ? best[0] : -1,
      recall: best ? best[1] / members.length : 0,
    };
  });
}
