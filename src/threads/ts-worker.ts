// Worker threads that run our TypeScript sources: under tsx (no build step) the worker registers tsx's in-thread
// CommonJS hook itself, without the parent's `--import tsx`, whose ESM hook would start a module-loader thread per
// worker; from a build (.js) the entry is started as it is. Files loaded this way must not use `import.meta` or
// top-level `await` (they are compiled as CommonJS).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The parent's Node flags without those that load tsx (the worker loads it itself), e.g. to keep --cpu-prof. */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = /^--(import|require|loader|experimental-loader)$/.test(a) || a === '-r';
    if (flag && (argv[i + 1] ?? '').includes('tsx')) i++;
    else if (!(/^--(import|require|loader|experimental-loader)=/.test(a) && a.includes('tsx'))) out.push(a);
  }
  return out;
}

/**
 * Starts `entry` (a .ts or .js file URL) in a worker thread; `preload` names packages required before tsx's hook
 * is registered (the hook would otherwise look at each of their files: ~50 ms CPU per worker for sharp).
 */
export function startTsWorker(entry: URL, options: Pick<WorkerOptions, 'workerData'> & { preload?: readonly string[] } = {}): Worker {
  const { preload = [], ...rest } = options;
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, rest);
  const require = createRequire(import.meta.url);
  const lines = [...preload, 'tsx/cjs/api'].map((p) => `require(${JSON.stringify(require.resolve(p))})`);
  lines[lines.length - 1] += '.register()';
  lines.push(`require(${JSON.stringify(fileURLToPath(entry))})`);
  return new Worker(`${lines.join('; ')};`, { ...rest, eval: true, execArgv: workerExecArgv(process.execArgv) });
}
