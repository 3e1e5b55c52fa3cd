// `trollmap report`: writes a self-contained report.html for a detection run.
import type { Command } from 'commander';
import { existingDb } from '../open-store.ts';
import { parsePositiveInt, resolveDbPath } from '../options.ts';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a self-contained HTML report of a detection run (networks, members, evidence, charts)')
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .option('--run <id>', 'detection run id (default: the latest)', parsePositiveInt('--run'))
    .option('--out <file>', 'where to write the report', 'report.html')
    .action(async (opts: { db?: string; run?: number; out: string }) => {
      const [{ openSqliteStore }, { loadRun }, { writeReport }] = await Promise.all([
        import('../../store/sqlite/index.ts'),
        import('../load-run.ts'),
        import('../report-file.ts'),
      ]);
      const store = await openSqliteStore(existingDb(resolveDbPath(opts.db)));
      try {
        const run = await loadRun(store, opts.run);
        const bytes = await writeReport(store, run, opts.out);
        process.stdout.write(`wrote ${opts.out} (${run.networks.length} networks, ${(bytes / 1024).toFixed(0)} KiB)\n`);
      } finally {
        await store.close();
      }
    });
}
