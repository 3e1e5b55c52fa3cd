// Worker threads that run our TypeScript sources: from the entry's CommonJS bundle (worker-bundle.ts) when there is
// one, else under tsx, the worker registering tsx's in-thread CommonJS hook itself, without the parent's
// `--import tsx`, whose ESM hook would start a module-loader thread per worker; from a build (.js) the entry is
// started as it is. Files loaded this way must not use `import.meta` or top-level `await` (they are compiled as
// CommonJS).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { bundledEntry } from '../boot/worker-bundle.ts';

/**
 * The parent's flags that a worker accepts and needs: profiling, diagnostics, conditions and loaders, without those
 * that load tsx (the worker loads it itself). V8 and process flags (--max-old-space-size, --expose-gc, --title …)
 * are dropped: a worker refuses them (ERR_WORKER_INVALID_EXEC_ARGV), and they act on the whole process anyway.
 */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [name, inline] = splitFlag(a);
    const value = inline ?? (TAKES_VALUE.has(name) ? argv[++i] : undefined);
    if (!WORKER_FLAG.test(name)) continue;
    if (LOADERS.has(name) && (value ?? '').includes('tsx')) continue;
    out.push(...(inline !== undefined || value === undefined ? [a] : [a, value]));
  }
  return out;
}

const WORKER_FLAG = /^(--(cpu-prof|heap-prof|enable-source-maps|conditions|no-warnings|no-deprecation|trace-warnings|trace-deprecation|trace-uncaught|unhandled-rejections|experimental-|import$|require$|loader$|inspect)|-C$|-r$)/;
const LOADERS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);
const TAKES_VALUE = new Set([
  ...LOADERS, '--cpu-prof-dir', '--cpu-prof-name', '--cpu-prof-interval', '--heap-prof-dir', '--heap-prof-name', '--heap-prof-interval',
  '--conditions', '-C', '--unhandled-rejections',
]);

/** `--flag=value` as [flag, value]; a bare flag as [flag, undefined]. */
function splitFlag(a: string): [string, string | undefined] {
  const eq = a.indexOf('=');
  return a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
}

/**
 * Starts `entry` (a .ts or .js file URL) in a worker thread; `preload` names packages required before tsx's hook
 * is registered (the hook would otherwise look at each of their files: ~50 ms CPU per worker for sharp).
 */
export function startTsWorker(entry: URL, options: Pick<WorkerOptions, 'workerData' | 'transferList'> & { preload?: readonly string[] } = {}): Worker {
  const { preload = [], ...rest } = options;
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, rest);
  return new Worker(workerSource(entry, preload, bundledEntry(entry)), { ...rest, eval: true, execArgv: workerExecArgv(process.execArgv) });
}

/**
 * The code a worker of the .ts `entry` runs: its `bundle` when there is one (source maps on, so stack traces name
 * the .ts files), else the entry under tsx's CommonJS hook; the `preload` packages first either way.
 */
export function workerSource(entry: URL, preload: readonly string[], bundle: string | undefined): string {
  const require = createRequire(import.meta.url);
  const required = (p: string): string => `require(${JSON.stringify(require.resolve(p))})`;
  const lines = bundle
    ? ['process.setSourceMapsEnabled(true)', ...preload.map(required), `require(${JSON.stringify(bundle)})`]
    : [...preload.map(required), `${required('tsx/cjs/api')}.register()`, `require(${JSON.stringify(fileURLToPath(entry))})`];
  return `${lines.join('; ')};`;
}
