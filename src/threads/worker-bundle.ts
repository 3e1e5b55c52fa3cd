// A worker entry (.ts) as one CommonJS file, built by esbuild (installed with tsx) and kept under
// node_modules/.cache/trollmap/workers, so that a worker thread starts by loading one file. Under tsx's hook each
// of its ~40 modules is looked up, parsed and checked on the way: a layers worker took 0.40–0.54 CPU-s to start
// that way against 0.11–0.14 from its bundle (.cache scratch loops, 2026-11-29), CPU that a two-thread read shares
// with its scan. A bundle is rebuilt when the content of any file in it changed (checked once per process: a hash
// of each, a few milliseconds); packages stay outside it (required from node_modules as usual).
//
// When no bundle can be had (esbuild missing, a read-only install, a module of the entry that uses `import.meta`,
// which a CommonJS bundle cannot give, or any other build warning or error) the caller starts the entry under tsx
// as before; TROLLMAP_DEBUG=1 says why. TROLLMAP_WORKER_BUNDLES=0 turns bundles off.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root (this file is src/threads/worker-bundle.ts). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where bundles are kept: the usual cache folder of the package's node_modules. */
export const DEFAULT_BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'trollmap', 'workers');

/** Bumped when the build options below change, so older bundles are rebuilt. */
const OPTIONS_VERSION = 1;

/** What a bundle was built from: the esbuild version, the options version, and a hash of each input file. */
interface Manifest {
  esbuild: string;
  options: number;
  inputs: Record<string, string>;
}

/** Bundles found or built in this process, by entry file and folder (undefined: none to be had). */
const known = new Map<string, string | undefined>();

/**
 * The path of an up-to-date bundle of `entry` (a .ts file URL) in `dir`, built if needed; undefined when none can be
 * had (the caller starts the entry under tsx) or bundles are turned off.
 */
export function bundledEntry(entry: URL, dir = DEFAULT_BUNDLE_DIR): string | undefined {
  if (process.env['TROLLMAP_WORKER_BUNDLES'] === '0') return undefined;
  const file = fileURLToPath(entry);
  const id = `${dir}\u0000${file}`;
  if (!known.has(id)) known.set(id, currentBundle(file, dir));
  return known.get(id);
}

/** `bundledEntry` for the .ts file `file`, checked (and built if needed) at each call; undefined when none can be had. */
export function currentBundle(file: string, dir: string): string | undefined {
  // One bundle per entry path: the name, plus a hash of the path for entries of the same name.
  const name = `${basename(file, '.ts')}-${sha1(file).slice(0, 8)}`;
  const out = join(dir, `${name}.cjs`);
  const manifestPath = join(dir, `${name}.json`);
  try {
    const esbuildVersion = (createRequire(import.meta.url)('esbuild/package.json') as { version: string }).version;
    if (isCurrent(manifestPath, esbuildVersion)) return out;
    return build(file, out, manifestPath, esbuildVersion);
  } catch (e) {
    if (process.env['TROLLMAP_DEBUG']) {
      process.stderr.write(`trollmap debug: worker bundle of ${relative(ROOT, file)} not built, tsx loads it: ${(e as Error).message.split('\n')[0]}\n`);
    }
    return undefined;
  }
}

/** Whether the manifest at `path` names this esbuild and options version and its inputs are unchanged. */
function isCurrent(path: string, esbuildVersion: string): boolean {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return false;
  }
  if (manifest.esbuild !== esbuildVersion || manifest.options !== OPTIONS_VERSION) return false;
  const inputs = Object.entries(manifest.inputs ?? {});
  return inputs.length > 0 && inputs.every(([input, hash]) => hashOf(input) === hash);
}

/** Builds the bundle and its manifest (each written whole, then renamed into place); the bundle's path. */
function build(file: string, out: string, manifestPath: string, esbuildVersion: string): string | undefined {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [file],
    outfile: out,
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    // Stack traces name the .ts files and lines (the worker turns source maps on).
    sourcemap: 'inline',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) {
    const w = result.warnings[0]!;
    throw new Error(`${w.location ? `${w.location.file}:${w.location.line}: ` : ''}${w.text}`);
  }
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) inputs[resolve(ROOT, input)] = hashOf(resolve(ROOT, input))!;
  const manifest: Manifest = { esbuild: esbuildVersion, options: OPTIONS_VERSION, inputs };
  mkdirSync(join(out, '..'), { recursive: true });
  writeWhole(out, result.outputFiles[0]!.contents);
  // The manifest last: a bundle without its manifest is rebuilt, never used.
  writeWhole(manifestPath, JSON.stringify(manifest));
  return out;
}

/** Writes `path` through a temporary file renamed into place (another process may build the same bundle). */
function writeWhole(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The SHA-1 of a file's content; undefined when it cannot be read. */
function hashOf(path: string): string | undefined {
  try {
    return sha1(readFileSync(path));
  } catch {
    return undefined;
  }
}

const sha1 = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('hex');
