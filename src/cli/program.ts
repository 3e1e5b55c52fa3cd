// The command-line program: every command registered on one commander instance.
import { Command } from 'commander';
import { commands } from './commands/index.ts';
import { VERSION } from './version.ts';

/** A fresh program (commander keeps parse state, so each run of a command line gets its own). */
export function buildProgram(): Command {
  const program = new Command('trollmap')
    .description('Find troll-factory networks in social-media exports and keep the evidence.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const add of commands) add(program);
  return program;
}
