// A worker entry (.ts) as one CommonJS file (built as bundles.js describes), kept under
// node_modules/.cache/trollmap/workers, so that a worker thread starts by loading one file. Under tsx's hook each of
// its ~40 modules is looked up, parsed and checked on the way: a layers worker took 0.37–0.50 CPU-s to start that
// way against 0.15 from its bundle, the check included (a scratch loop, 2026-11-29; docs/tuning.md, "Seventh
// session"), CPU that a two-thread read shares with its scan. Packages stay outside the bundle (required from
// node_modules as usual).
//
// When no bundle can be had (esbuild missing, a read-only install, a module of the entry that uses `import.meta`,
// which a CommonJS bundle cannot give, or any other build warning or error) the caller starts the entry under tsx
// as before; TROLLMAP_DEBUG=1 says why. TROLLMAP_WORKER_BUNDLES=0 turns bundles off.
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CACHE_DIR, ROOT, currentManifest, debugNote, esbuildVersion, inputHashes, sha1, warningText, writableFolder, writeWhole, type BundleManifest,
} from './bundles.js';

/** Where worker bundles are kept. */
export const DEFAULT_BUNDLE_DIR = join(CACHE_DIR, 'workers');

/** Bumped when the build options below change, so older bundles are rebuilt. */
const OPTIONS_VERSION = 1;

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
    const esbuild = esbuildVersion();
    if (esbuild === undefined) throw new Error('esbuild is not installed');
    if (currentManifest(manifestPath, esbuild, OPTIONS_VERSION)) return out;
    writableFolder(dir);
    return build(file, out, manifestPath, esbuild);
  } catch (e) {
    debugNote(`worker bundle of ${relative(ROOT, file)} not built, tsx loads it: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
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
  if (result.warnings.length > 0) throw new Error(warningText(result.warnings[0]));
  const manifest: BundleManifest = { esbuild: esbuildVersion, options: OPTIONS_VERSION, inputs: inputHashes(result.metafile) };
  writeWhole(out, result.outputFiles[0]!.contents);
  // The manifest last: a bundle without its manifest is rebuilt, never used.
  writeWhole(manifestPath, JSON.stringify(manifest));
  return out;
}
