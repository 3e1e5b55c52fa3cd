// Every command registers itself on the program; add a command by adding its register function here.
import type { Command } from 'commander';
import { registerAccount } from './account.ts';
import { registerDemo } from './demo.ts';
import { registerDetect } from './detect.ts';
import { registerEval } from './eval.ts';
import { registerImport } from './import.ts';
import { registerNetworks } from './networks.ts';
import { registerPhotos } from './photos.ts';
import { registerReport } from './report.ts';
import { registerSimulate } from './simulate.ts';
import { registerStats } from './stats.ts';

export const commands: ReadonlyArray<(program: Command) => void> = [registerAccount, registerDemo, registerDetect, registerEval, registerImport, registerNetworks, registerPhotos, registerReport, registerSimulate, registerStats];
