// `trollmap stats`: what the store holds.
import type { Command } from 'commander';
import { parsePositiveInt, resolveDbPath } from '../options.ts';
import { existingDb } from '../open-store.ts';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('summarise the database: accounts, actions by kind/platform/day, top targets and links')
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .option('--top <n>', 'how many top targets and links', parsePositiveInt('--top'), 10)
    .option('--json', 'print JSON (top-level numbers `accounts` and `actions`)')
    .action(async (opts: { db?: string; top: number; json?: boolean }) => {
      const [{ statsText }, { openSqliteStore }] = await Promise.all([import('../../core/export/stats-text.ts'), import('../../store/sqlite/index.ts')]);
      const store = await openSqliteStore(existingDb(resolveDbPath(opts.db)));
      try {
        const stats = await store.stats({ top: opts.top });
        process.stdout.write(opts.json ? JSON.stringify(stats, null, 2) + '\n' : statsText(stats) + '\n');
      } finally {
        await store.close();
      }
    });
}
