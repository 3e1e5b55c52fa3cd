// Renders an evaluation as a short plain-text summary for the terminal.
import type { Evaluation } from './evaluate.ts';

const f3 = (x: number): string => x.toFixed(3);

/** A few lines: coverage, account metrics, precision@k, networks vs factories, per-layer contribution. */
export function evalText(e: Evaluation): string {
  const c = e.coverage;
  const a = e.accounts;
  const lines: string[] = [];
  lines.push(
    `truth: ${c.truthAccounts} accounts (${c.trolls} trolls, ${c.organic} organic); ` +
      `run${e.runId === undefined ? '' : ` #${e.runId}`}: ${c.runAccounts} scored accounts, ` +
      `${c.runNotInTruth} not in the truth (ignored), ${c.truthNotInRun} truth accounts never scored (score 0)`,
  );
  lines.push(
    `accounts at score ≥ ${e.threshold}: precision ${f3(a.precision)}  recall ${f3(a.recall)}  F1 ${f3(a.f1)}  ` +
      `(flagged ${a.flagged}: ${a.truePositives} trolls, ${a.falsePositives} organic; missed ${a.falseNegatives} trolls)`,
  );
  lines.push(`PR-AUC (average precision): ${f3(a.prAuc)}   R-precision: ${f3(a.rPrecision)}`);
  const lastK = a.precisionAtK.length - 1;
  lines.push(
    'precision@k: ' +
      a.precisionAtK
        .map((p, i) => {
          const k = i === lastK ? `k=trolls(${p.k})` : `k=${p.k}${p.ranked < p.k ? ` (only ${p.ranked} accounts)` : ''}`;
          return `${k} ${f3(p.precision)} (${p.organic} organic)`;
        })
        .join(', '),
  );
  lines.push('threshold sweep (score ≥ t: flagged, precision/recall):');
  for (let i = 0; i < a.sweep.length; i += 3) {
    const part = a.sweep.slice(i, i + 3).map((m) => `t=${m.threshold}: ${String(m.flagged).padStart(6)}, ${f3(m.precision)}/${f3(m.recall)}`);
    lines.push('  ' + part.join('   '));
  }
  const n = e.networks;
  lines.push(
    `networks vs factories: ARI ${f3(n.ari)}  NMI ${f3(n.nmi)}  (trolls only: ARI ${f3(n.trollsOnly.ari)}  ` +
      `NMI ${f3(n.trollsOnly.nmi)}); ${n.predicted} networks found, ${n.factories} factories in the truth`,
  );
  for (const f of n.byFactory) {
    const where = f.bestNetwork < 0 ? 'in no network' : `${(100 * f.recall).toFixed(0)}% in network ${f.bestNetwork}`;
    lines.push(`  factory ${f.factory} (${f.size} accounts): ${where}`);
  }
  lines.push('layers (edges: same factory / cross factory / troll–organic / organic–organic / unlabelled):');
  for (const l of e.layers) {
    lines.push(
      `  ${l.layer.padEnd(12)} ${String(l.edges).padStart(7)} edges  precision ${f3(l.precision)}  ` +
        `trolls reached ${l.trollsReached} (recall ${f3(l.recall)})  ` +
        `[${l.sameFactory}/${l.crossFactory}/${l.trollOrganic}/${l.organicOrganic}/${l.unknown}]`,
    );
  }
  return lines.join('\n');
}
