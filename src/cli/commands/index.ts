// Every command registers itself on the program; add a command by adding its register function here.
import type { Command } from 'commander';
import { registerEval } from './eval.ts';
import { registerImport } from './import.ts';
import { registerReport } from './report.ts';
import { registerStats } from './stats.ts';

export const commands: ReadonlyArray<(program: Command) => void> = [registerEval, registerImport, registerReport, registerStats];
