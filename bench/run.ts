// `npm run bench [-- name …]`: runs each bench/<name>.bench.ts in its own process (so peak RSS is its own) and
// writes bench/results/<name>.json with the machine, the date and the numbers. BENCHMARKS.md summarises them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const all = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
const names = wanted.length ? wanted : all;
const unknown = names.filter((n) => !all.includes(n));
if (unknown.length) {
  process.stderr.write(`unknown bench: ${unknown.join(', ')} (have: ${all.join(', ')})\n`);
  process.exit(1);
}
mkdirSync(join(here, 'results'), { recursive: true });
let failed = 0;
for (const name of names) {
  process.stderr.write(`== bench ${name}\n`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'one.ts'), name], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    failed++;
    process.stderr.write(`bench ${name} failed (exit ${child.status})\n`);
    continue;
  }
  const result = {
    bench: name,
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    command: `npm run bench -- ${name}`,
    results: JSON.parse(child.stdout) as unknown,
  };
  writeFileSync(join(here, 'results', `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result.results, null, 2) + '\n');
}
process.exit(failed ? 1 : 0);
