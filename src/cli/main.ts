// The entry point and the one place that turns errors into exit codes (0 ok, 1 user error with a one-line
// reason, 2 a bug, 130 interrupted by Ctrl-C).
import { CommanderError } from 'commander';
import { isUserError } from '../core/errors.ts';
import { buildProgram } from './program.ts';

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    if (isUserError(e)) {
      process.stderr.write(`trollmap: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`trollmap: internal error (a bug, please report it):\n${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

// A reader that stops early (`trollmap photos hash … | head`) closes the pipe: the output is not wanted any more,
// which is not an error of ours. Stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
