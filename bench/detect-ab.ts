// `npm run bench:ab -- REV [--pairs N] [--runs cold2,warm2,append2]`: the whole-detection bench's runs (see
// detect.bench.ts, `child`) of an older revision and of this checkout, alternated, each in its own process, so both
// meet the same phases of the machine (its speed moves by up to a third from one hour to the next, more than most
// changes do). REV is checked out in a temporary git worktree (this checkout's node_modules linked into it); pair i
// runs REV first when i is odd, this checkout first when it is even. Needs the bench database that
// `TROLLMAP_BENCH_CACHE=1 npm run bench -- detect` leaves in .cache/detect-1m/. Prints one line per run and a summary
// per kind of run, and writes bench/results/detect-ab/<time>-<REV>.json (one file per comparison, kept).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUN_KINDS = /^(cold|warm|append)([12])$/;

/** The numbers a bench child reports that the comparison reads. */
interface ChildResult {
  readPlusDetectSeconds: number;
  readPlusDetectCpuSeconds: number;
  storeReadSeconds: number;
  peakRssMB: number;
  runSha256: string;
}

interface Options {
  base: string;
  pairs: number;
  runs: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const usage = 'usage: npm run bench:ab -- REV [--pairs N] [--runs cold2,warm2,append2]';
  let base: string | undefined;
  let pairs = 6;
  let runs = ['cold2'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pairs') {
      pairs = Number(argv[++i]);
      if (!Number.isInteger(pairs) || pairs < 1) throw new Error(`--pairs: expected a whole number ≥ 1, got ${argv[i]}\n${usage}`);
    } else if (a === '--runs') {
      runs = (argv[++i] ?? '').split(',');
      const bad = runs.filter((r) => !RUN_KINDS.test(r));
      if (bad.length) throw new Error(`--runs: unknown run ${bad.join(', ')} (cold1, cold2, warm1, warm2, append1, append2)\n${usage}`);
    } else if (base === undefined && !a.startsWith('--')) base = a;
    else throw new Error(`unexpected argument ${a}\n${usage}`);
  }
  if (base === undefined) throw new Error(usage);
  return { base, pairs, runs };
}

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** One bench child run in the checkout at `root`. */
function childRun(root: string, db: string, truth: string, run: string): ChildResult {
  const [, temp, threads] = RUN_KINDS.exec(run)!;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'detect.bench.ts'), 'child', db, truth, temp!, threads!], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`bench child (${run}) in ${root} failed (exit ${r.status})`);
  return JSON.parse(r.stdout) as ChildResult;
}

const range = (xs: readonly number[]): string => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
const mean = (xs: readonly number[]): number => +(xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(2);

/** Per kind of run: how often this checkout was faster, and the spread of each side. */
function summary(pairs: readonly { base: ChildResult; head: ChildResult }[]) {
  const side = (k: 'base' | 'head') => {
    const seconds = pairs.map((p) => p[k].readPlusDetectSeconds);
    return {
      seconds: range(seconds),
      meanSeconds: mean(seconds),
      storeReadSeconds: range(pairs.map((p) => p[k].storeReadSeconds)),
      cpuSeconds: range(pairs.map((p) => p[k].readPlusDetectCpuSeconds)),
      under10s: seconds.filter((s) => s < 10).length,
      peakRssMB: Math.max(...pairs.map((p) => p[k].peakRssMB)),
    };
  };
  return {
    pairs: pairs.length,
    headFaster: pairs.filter((p) => p.head.readPlusDetectSeconds < p.base.readPlusDetectSeconds).length,
    headStoreReadShorter: pairs.filter((p) => p.head.storeReadSeconds < p.base.storeReadSeconds).length,
    sameRuns: pairs.every((p) => p.head.runSha256 === p.base.runSha256),
    base: side('base'),
    head: side('head'),
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const db = join(here, '.cache', 'detect-1m', 'bench.db');
  const truth = join(here, '.cache', 'detect-1m', 'sim', 'truth.csv');
  if (!existsSync(db) || !existsSync(truth)) {
    throw new Error(`no bench database at ${db}: run \`TROLLMAP_BENCH_CACHE=1 npm run bench -- detect\` first`);
  }
  const baseRev = git(here, 'rev-parse', '--verify', `${options.base}^{commit}`);
  const headRev = git(here, 'rev-parse', 'HEAD');
  const dirty = git(here, 'status', '--porcelain', '--untracked-files=no') !== '';
  const tmp = mkdtempSync(join(tmpdir(), 'trollmap-ab-'));
  const baseRoot = join(tmp, 'base');
  git(here, 'worktree', 'add', '--detach', baseRoot, baseRev);
  try {
    symlinkSync(join(here, 'node_modules'), join(baseRoot, 'node_modules'), 'dir');
    const perRun: Record<string, { base: ChildResult; head: ChildResult }[]> = {};
    for (const run of options.runs) {
      const pairs: { base: ChildResult; head: ChildResult }[] = (perRun[run] = []);
      for (let i = 1; i <= options.pairs; i++) {
        const order: ('base' | 'head')[] = i % 2 === 1 ? ['base', 'head'] : ['head', 'base'];
        const got: Partial<Record<'base' | 'head', ChildResult>> = {};
        for (const side of order) {
          const r = childRun(side === 'base' ? baseRoot : here, db, truth, run);
          got[side] = r;
          process.stderr.write(
            `${run} pair ${i} ${side.padEnd(4)} ${r.readPlusDetectSeconds.toFixed(2)} s, ${r.readPlusDetectCpuSeconds.toFixed(2)} CPU-s, ` +
              `store read ${r.storeReadSeconds.toFixed(2)} s, ${r.peakRssMB} MB, ${r.runSha256}\n`,
          );
        }
        pairs.push({ base: got.base!, head: got.head! });
      }
    }
    const result = {
      bench: 'detect-ab',
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: availableParallelism(),
      load: loadavg().map((l) => +l.toFixed(2)),
      command: `npm run bench:ab -- ${options.base} --pairs ${options.pairs} --runs ${options.runs.join(',')}`,
      base: baseRev,
      head: headRev + (dirty ? ' (with uncommitted changes)' : ''),
      summary: Object.fromEntries(Object.entries(perRun).map(([run, pairs]) => [run, summary(pairs)])),
      pairs: perRun,
    };
    const out = join(here, 'bench', 'results', 'detect-ab');
    mkdirSync(out, { recursive: true });
    const file = join(out, `${result.date.slice(0, 16).replace(/[-:]/g, '')}-${baseRev.slice(0, 7)}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    process.stderr.write(`written: ${file}\n`);
    process.stdout.write(JSON.stringify({ command: result.command, base: result.base, head: result.head, summary: result.summary }, null, 2) + '\n');
  } finally {
    git(here, 'worktree', 'remove', '--force', baseRoot);
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
