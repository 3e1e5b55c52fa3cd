// Runs one bench module in this process and prints its results (plus this process's peak RSS) as JSON on stdout.
import { resourceUsage } from 'node:process';

const name = process.argv[2];
const mod = (await import(`./${name}.bench.ts`)) as { run: () => Promise<Record<string, unknown>> };
const results = await mod.run();
process.stdout.write(JSON.stringify({ ...results, processPeakRssMB: Math.round(resourceUsage().maxRSS / 1024) }));
