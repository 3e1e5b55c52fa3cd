// The composition root: parses the command line, wires adapters to the core, and is the one place that turns
// errors into exit codes (0 ok, 1 user error with a one-line reason, 2 a bug, 130 interrupted).
import { Command, CommanderError } from 'commander';
import { isUserError } from '../core/errors.ts';
import { commands } from './commands/index.ts';
import { VERSION } from './version.ts';

export function buildProgram(): Command {
  const program = new Command('trollmap')
    .description('Find troll-factory networks in social-media exports and keep the evidence.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const add of commands) add(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    if (isUserError(e)) {
      process.stderr.write(`trollmap: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`trollmap: internal error (a bug, please report it):\n${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
