// `trollmap eval`: scores a stored detection run against a ground-truth file (e.g. the simulator's truth.csv).
import type { Command } from 'commander';
import { UserError } from '../../core/errors.ts';
import { DEFAULT_FLAG_THRESHOLD } from '../../core/score/account-score.ts';
import { existingDb } from '../open-store.ts';
import { parsePositiveInt, resolveDbPath } from '../options.ts';

function parseThreshold(value: string): number {
  const t = Number(value);
  if (value.trim() === '' || !Number.isFinite(t) || t < 0 || t > 1) {
    throw new UserError(`--threshold (${value}): expected a score between 0 and 1, such as 0.5`);
  }
  return t;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score a detection run against ground truth: precision/recall/F1, PR-AUC, precision@k, ARI/NMI, layers')
    .requiredOption('--truth <file>', 'truth CSV: platform,account,label(organic|troll),factory,operator,client,role')
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .option('--run <id>', 'detection run id (default: the latest)', parsePositiveInt('--run'))
    .option('--threshold <t>', 'flag accounts with score ≥ t', parseThreshold, DEFAULT_FLAG_THRESHOLD)
    .option('--json', 'print JSON (top-level `precision`, `recall`, `f1`, `prAuc`, `precisionAtK`, `networks`, `layers`)')
    .action(async (opts: { truth: string; db?: string; run?: number; threshold: number; json?: boolean }) => {
      const [{ evalText, evaluate }, { openSqliteStore }, { loadRun }, { readTruthFile }] = await Promise.all([
        import('../../core/eval/index.ts'),
        import('../../store/sqlite/index.ts'),
        import('../load-run.ts'),
        import('../truth-file.ts'),
      ]);
      const truth = await readTruthFile(opts.truth);
      const store = await openSqliteStore(existingDb(resolveDbPath(opts.db)));
      try {
        const run = await loadRun(store, opts.run);
        const result = evaluate(run, truth, { threshold: opts.threshold });
        process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : evalText(result) + '\n');
      } finally {
        await store.close();
      }
    });
}
