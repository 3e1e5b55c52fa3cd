// `trollmap networks`: the networks of a stored detection run, ranked by score.
import type { Command } from 'commander';
import { DEFAULT_FLAG_THRESHOLD } from '../../core/score/account-score.ts';
import { existingDb } from '../open-store.ts';
import { parsePositiveInt, resolveDbPath } from '../options.ts';

export function registerNetworks(program: Command): void {
  program
    .command('networks')
    .description('list the networks of a detection run, ranked: size, layers, time span, top shared texts')
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .option('--run <id>', 'run id (default: the latest run)', parsePositiveInt('--run'))
    .option('--top <n>', 'how many networks to show (0 = all)', parsePositiveInt('--top'), 0)
    .option('--json', 'print JSON: { run, networks } with every stored field')
    .action(async (opts: { db?: string; run?: number; top: number; json?: boolean }) => {
      const [{ networkText }, { openSqliteStore }, { runLabel, storedRun }] = await Promise.all([
        import('../../core/explain/network-text.ts'),
        import('../../store/sqlite/index.ts'),
        import('../stored-run.ts'),
      ]);
      const store = await openSqliteStore(existingDb(resolveDbPath(opts.db)));
      try {
        const run = await storedRun(store, opts.run);
        const ranked = [...run.networks].sort((x, y) => y.score - x.score || x.id - y.id);
        const shown = opts.top > 0 ? ranked.slice(0, opts.top) : ranked;
        if (opts.json) {
          const { id, createdAt, version, params, inputHash } = run;
          process.stdout.write(JSON.stringify({ run: { id, createdAt, version, params, inputHash }, networks: shown }, null, 2) + '\n');
          return;
        }
        const flagged = run.accounts.filter((a) => a.score >= DEFAULT_FLAG_THRESHOLD).length;
        const lines = [
          `${runLabel(run)}: ${run.networks.length} network${run.networks.length === 1 ? '' : 's'}, ` +
            `${run.accounts.length} accounts with coordination evidence, ${flagged} flagged (score ≥ ${DEFAULT_FLAG_THRESHOLD})`,
        ];
        for (const n of shown) lines.push('', ...networkText(n));
        if (shown.length < ranked.length) lines.push('', `… ${ranked.length - shown.length} more networks (--top 0 shows all)`);
        process.stdout.write(lines.join('\n') + '\n');
      } finally {
        await store.close();
      }
    });
}
