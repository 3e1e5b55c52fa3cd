// `trollmap simulate`: writes a simulated world with troll factories and its ground truth into a folder.
import type { Command } from 'commander';
import { UserError } from '../../core/errors.ts';
// The simulator (with sharp for portraits) is imported only when the command runs.
import type { SimFormat } from '../../simulate/write-formats.ts';
import { SIM_FORMATS } from '../../simulate/formats.ts';
import { parsePositiveInt } from '../options.ts';

interface SimulateFlags {
  out: string;
  seed: number;
  accounts: number;
  factories: number;
  days: number;
  format: string;
  photos?: string;
  quiet?: boolean;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('write a simulated population with troll factories, plus truth.csv, into a new folder')
    .requiredOption('--out <dir>', 'output folder (must not exist, or be empty)')
    .option('--seed <n>', 'random seed; the same seed gives byte-identical files', parsePositiveInt('--seed'), 1)
    .option('--accounts <n>', 'total accounts, organic and troll', parsePositiveInt('--accounts'), 1200)
    .option('--factories <k>', 'troll factories', parsePositiveInt('--factories'), 3)
    .option('--days <d>', 'simulated days from 2026-03-01', parsePositiveInt('--days'), 14)
    .option('--format <f>', `output format: ${SIM_FORMATS.join(', ')}`, 'csv')
    .option('--photos <dir>', 'portraits to build profile photos from (default: ../shared/data/photos/congress)')
    .option('--quiet', 'print nothing but errors')
    .action(async (flags: SimulateFlags) => {
      if (!(SIM_FORMATS as readonly string[]).includes(flags.format)) {
        throw new UserError(`--format (${flags.format}): expected one of ${SIM_FORMATS.join(', ')}`);
      }
      const { defaultPortraitDir, scenarioFor, simulateToDir } = await import('../../simulate/index.ts');
      let params;
      try {
        params = scenarioFor({ seed: flags.seed, accounts: flags.accounts, factories: flags.factories, days: flags.days });
      } catch (e) {
        if (e instanceof RangeError) throw new UserError(`--${e.message}`);
        throw e;
      }
      const tty = process.stderr.isTTY && !flags.quiet;
      const summary = await simulateToDir(params, flags.out, {
        format: flags.format as SimFormat,
        portraits: flags.photos ?? defaultPortraitDir(),
        onDay: (day, written) => {
          if (tty) process.stderr.write(`\rsimulating day ${day + 1}/${params.days}: ${written.toLocaleString('en')} actions`);
        },
      });
      if (tty) process.stderr.write('\n');
      if (flags.quiet) return;
      const lines = [
        `simulated ${summary.actions.toLocaleString('en')} actions by ${summary.accounts.toLocaleString('en')} accounts ` +
          `(${summary.trolls.toLocaleString('en')} troll accounts in ${summary.factories} ${summary.factories === 1 ? 'factory' : 'factories'}), seed ${params.seed}`,
        `wrote ${summary.out} (${summary.format}): ${summary.files.join(', ')}` + (summary.photos ? ` — ${summary.photos} photo files` : ''),
      ];
      if (summary.dropped) lines.push(`left out ${summary.dropped.toLocaleString('en')} reactions (the ${summary.format} format has none)`);
      if (summary.note) lines.push(`note: ${summary.note}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
