// `trollmap demo`: the whole job on a small simulated scenario, in the working directory: simulate → import →
// detect → ranked networks and accounts → report.html → evaluation against the simulator's truth.
// Each step is the ordinary command, run in-process, so the demo shows exactly what a user would run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { resolveDbPath } from '../options.ts';
import { parsePositiveInt } from '../options.ts';

interface DemoFlags {
  dir: string;
  seed: number;
  db?: string;
  top: number;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the whole job on a small simulated scenario: simulate, import, detect, report.html, evaluate')
    .option('--dir <dir>', 'where the simulated export files go', 'trollmap-demo')
    .option('--seed <n>', 'simulator and detection seed', parsePositiveInt('--seed'), 1)
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .option('--top <n>', 'accounts to list', parsePositiveInt('--top'), 15)
    .action(async (flags: DemoFlags) => {
      const { buildProgram } = await import('../program.ts');
      const db = resolveDbPath(flags.db);
      const run = async (title: string, argv: string[]): Promise<void> => {
        process.stdout.write(`\n== ${title}\n$ trollmap ${argv.join(' ')}\n`);
        await buildProgram().parseAsync(argv, { from: 'user' });
      };
      const seed = String(flags.seed);
      const truth = join(flags.dir, 'truth.csv');
      if (existsSync(truth)) process.stdout.write(`\n== 1. simulated data already in ${flags.dir}/ (seed ${seed}), reused\n`);
      else await run('1. simulate a small scenario with troll factories', ['simulate', '--out', flags.dir, '--seed', seed]);
      await run('2. import the export files', ['import', flags.dir, '--db', db, '--quiet']);
      await run('3. detect coordinated networks', ['detect', '--db', db, '--seed', seed, '--quiet']);
      await run('4. networks, ranked', ['networks', '--db', db, '--top', '10']);
      await printAccounts(db, flags.top);
      await run('5. write the report', ['report', '--db', db, '--out', 'report.html']);
      await run('6. evaluate against the simulator\'s ground truth', ['eval', '--db', db, '--truth', truth]);
      process.stdout.write(
        '\nOpen report.html in a browser. Scores are leads for human review, not verdicts: check the evidence.\n',
      );
    });
}

async function printAccounts(db: string, top: number): Promise<void> {
  const [{ accountLine }, { openSqliteStore }] = await Promise.all([import('../../core/explain/index.ts'), import('../../store/sqlite/index.ts')]);
  const store = await openSqliteStore(db);
  try {
    const run = await store.getRun();
    const accounts = run?.accounts ?? [];
    process.stdout.write(`\n== accounts, highest score first (${Math.min(top, accounts.length)} of ${accounts.length} with evidence)\n`);
    for (const a of accounts.slice(0, top)) process.stdout.write(`  ${accountLine(a)}\n`);
    if (accounts.length > 0) process.stdout.write(`  explain one: trollmap account ${accounts[0]!.account}\n`);
  } finally {
    await store.close();
  }
}
