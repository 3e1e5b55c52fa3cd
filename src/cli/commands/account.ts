// `trollmap account <platform:id>`: why an account scored as it did, rendered from the stored run.
// Registration is eager and cheap; the store and the explanation are imported when the command runs.
import type { Command } from 'commander';
import { UserError } from '../../core/errors.ts';
import { splitKey } from '../../core/model.ts';
import { existingDb } from '../open-store.ts';
import { parsePositiveInt, resolveDbPath } from '../options.ts';

export function registerAccount(program: Command): void {
  program
    .command('account')
    .description("explain an account's score: partners, layers, action pairs with their time gaps, profile signals")
    .argument('<platform:id>', 'the account, e.g. vk:12345 or twitter:2882331822')
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .option('--run <id>', 'run id (default: the latest run)', parsePositiveInt('--run'))
    .option('--json', 'print JSON: the stored account finding plus its edges')
    .action(async (key: string, opts: { db?: string; run?: number; json?: boolean }) => {
      const parts = splitKey(key);
      if (parts === undefined) throw new UserError(`account (${key}): expected platform:id, such as vk:12345`);
      const [{ edgesOf, explainAccount }, { openSqliteStore }, { noRun }] = await Promise.all([
        import('../../core/explain/account-text.ts'),
        import('../../store/sqlite/index.ts'),
        import('../stored-run.ts'),
      ]);
      const store = await openSqliteStore(existingDb(resolveDbPath(opts.db)));
      try {
        // Only this account's finding and edges are read, never the whole run.
        const found = await store.getAccountEdges(key, opts.run);
        if (found === undefined) throw noRun(store, opts.run);
        const finding = await store.getAccountFinding(key, found.run);
        if (finding === undefined) {
          if ((await store.getAccount(parts.platform, parts.id)) === undefined) {
            throw new UserError(`unknown account ${key} in ${store.location}: expected platform:id as imported (see trollmap networks)`);
          }
          const none = { account: key, run: found.run, score: 0, network: -1, edges: [] };
          process.stdout.write(
            opts.json
              ? JSON.stringify(none, null, 2) + '\n'
              : `${key} — score 0.00: no coordination evidence in run ${found.run} (no significant co-action with any account)\n`,
          );
          return;
        }
        const edges = edgesOf(key, found.edges);
        process.stdout.write(
          opts.json
            ? JSON.stringify({ ...finding, run: found.run, edges }, null, 2) + '\n'
            : explainAccount(finding, edges).join('\n') + '\n',
        );
      } finally {
        await store.close();
      }
    });
}
