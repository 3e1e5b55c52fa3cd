// @ts-check
// Bundles of our TypeScript built by esbuild (installed with tsx) and kept under node_modules/.cache/trollmap, so
// that a process or a worker thread starts by loading a few files instead of tsx compiling and checking each module
// on the way. A bundle is current while its manifest names this esbuild, the build options' version and a hash of
// each input file, and every input still hashes the same (a few milliseconds to check). Plain JavaScript, because
// bin/trollmap.js uses it before any TypeScript can be loaded; worker-bundle.ts builds the workers' bundles with it.
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { debugNote } from './debug-note.js';

export { debugNote };

/** The package's root (this file is src/boot/bundles.js). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where bundles are kept: the usual cache folder of the package's node_modules. */
export const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'trollmap');

/** The CLI's bundle: a folder per build, and the manifest naming the current one. */
export const CLI_DIR = join(CACHE_DIR, 'cli');

/** Bumped when the CLI's build options change, so older builds are not used. */
export const CLI_OPTIONS = 1;

/**
 * @typedef {object} BundleManifest
 * @property {string} esbuild the esbuild version that built it
 * @property {number} options the build options' version
 * @property {Record<string, string>} inputs each input file (absolute path) with the SHA-1 of its content
 * @property {string} [build] the CLI's build folder, in CLI_DIR
 */

/** @returns {string | undefined} the installed esbuild's version, or undefined when esbuild is not installed */
export function esbuildVersion() {
  try {
    return /** @type {{ version: string }} */ (createRequire(import.meta.url)('esbuild/package.json')).version;
  } catch {
    return undefined;
  }
}

/**
 * The manifest at `path` when it names `esbuild` and `options` and its inputs are unchanged; else undefined.
 * @param {string} path
 * @param {string} esbuild
 * @param {number} options
 * @returns {BundleManifest | undefined}
 */
export function currentManifest(path, esbuild, options) {
  /** @type {Partial<BundleManifest> | null} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest === null || typeof manifest !== 'object' || manifest.esbuild !== esbuild || manifest.options !== options) return undefined;
  const inputs = Object.entries(manifest.inputs ?? {});
  return inputs.length > 0 && inputs.every(([input, hash]) => hashOf(input) === hash) ? /** @type {BundleManifest} */ (manifest) : undefined;
}

/**
 * Each input file of a build (esbuild's metafile: paths relative to ROOT) by absolute path, with its hash.
 * @param {{ inputs: Record<string, unknown> }} metafile
 * @returns {Record<string, string>}
 */
export function inputHashes(metafile) {
  /** @type {Record<string, string>} */
  const inputs = {};
  for (const input of Object.keys(metafile.inputs)) {
    const hash = hashOf(resolve(ROOT, input));
    if (hash === undefined) throw new Error(`cannot read ${input}`);
    inputs[resolve(ROOT, input)] = hash;
  }
  return inputs;
}

/**
 * The SHA-1 of a file's content; undefined when it cannot be read.
 * @param {string} path
 */
export function hashOf(path) {
  try {
    return sha1(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** @param {string | Uint8Array} data */
export const sha1 = (data) => createHash('sha1').update(data).digest('hex');

/**
 * Writes `path` through a temporary file renamed into place (another process may be writing the same file).
 * @param {string} path
 * @param {string | Uint8Array} data
 */
export function writeWhole(path, data) {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Makes `dir` if needed and checks that this process may write there (throws if not): before a build, which a
 * read-only install would otherwise pay for at every start.
 * @param {string} dir
 */
export function writableFolder(dir) {
  mkdirSync(dir, { recursive: true });
  accessSync(dir, constants.W_OK);
}

/**
 * The path of the CLI's current bundle (src/cli/main.ts as ES modules) in `dir`, undefined when there is none or
 * bundles are off (TROLLMAP_CLI_BUNDLE=0).
 * @param {string} [dir]
 */
export function currentCliBundle(dir = CLI_DIR) {
  if (process.env['TROLLMAP_CLI_BUNDLE'] === '0') return undefined;
  const esbuild = esbuildVersion();
  const build = esbuild === undefined ? undefined : currentManifest(join(dir, 'manifest.json'), esbuild, CLI_OPTIONS)?.build;
  return build === undefined ? undefined : join(dir, build, 'main.mjs');
}

/**
 * Builds the CLI's bundle in `dir` (a new build folder, renamed into place whole, then the manifest naming it; older
 * builds but the one before are removed after an hour): its main module's path, or undefined when it cannot be built (TROLLMAP_DEBUG=1
 * says why). Dynamic imports stay separate files, loaded when the command needs them; packages stay outside.
 * @param {string} [dir]
 * @returns {Promise<string | undefined>}
 */
export async function buildCliBundle(dir = CLI_DIR) {
  if (process.env['TROLLMAP_CLI_BUNDLE'] === '0') return undefined;
  const tmp = join(dir, `tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    const version = esbuildVersion();
    if (version === undefined) throw new Error('esbuild is not installed');
    writableFolder(dir);
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: { main: join(ROOT, 'src', 'cli', 'main.ts') },
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      absWorkingDir: ROOT,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      sourcesContent: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [importMetaUrl],
    });
    if (result.warnings.length > 0) throw new Error(warningText(result.warnings[0]));
    const inputs = inputHashes(result.metafile);
    const build = `build-${sha1(JSON.stringify([version, CLI_OPTIONS, inputs])).slice(0, 12)}`;
    try {
      renameSync(tmp, join(dir, build));
    } catch (e) {
      // Another process built the same sources first: its folder is the same build.
      if (!isFolder(join(dir, build))) throw e;
      rmSync(tmp, { recursive: true, force: true });
    }
    /** @type {BundleManifest} */
    const manifest = { esbuild: version, options: CLI_OPTIONS, inputs, build };
    const previous = currentBuildName(dir);
    writeWhole(join(dir, 'manifest.json'), JSON.stringify(manifest));
    prune(dir, [build, previous]);
    return join(dir, build, 'main.mjs');
  } catch (e) {
    try {
      rmSync(tmp, { recursive: true, force: true });
    } catch {
      // Nothing was written there (the folder cannot be made).
    }
    debugNote(`CLI bundle not built, tsx loads the sources: ${(/** @type {Error} */ (e)).message.split('\n')[0]}`);
    return undefined;
  }
}

/**
 * Our modules' `import.meta.url` as their own file's URL (in a bundle it would be the bundle's): the modules that
 * find files or worker entries beside themselves keep finding them.
 * @type {import('esbuild').Plugin}
 */
const importMetaUrl = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.[jt]s$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: args.path.endsWith('.ts') ? 'ts' : 'js',
    }));
  },
};

/**
 * A build warning as `file:line: text`.
 * @param {import('esbuild').Message | undefined} w
 */
export function warningText(w) {
  if (w === undefined) return 'a warning';
  return `${w.location ? `${relative(ROOT, resolve(ROOT, w.location.file))}:${w.location.line}: ` : ''}${w.text}`;
}

/** @param {string} path */
function isFolder(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The build the manifest in `dir` names (current or not).
 * @param {string} dir
 * @returns {string | undefined}
 */
function currentBuildName(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).build;
  } catch {
    return undefined;
  }
}

/**
 * Removes the build folders of `dir` older than an hour but `keep` (a process may still load a part of the one
 * before when its command needs it), and temporary folders older than an hour (a build that died).
 * @param {string} dir
 * @param {(string | undefined)[]} keep
 */
function prune(dir, keep) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const old = Date.now() - statSync(path).mtimeMs > 3_600_000;
    const stale = name.startsWith('build-') ? !keep.includes(name) && old : name.startsWith('tmp-') && old;
    if (stale) rmSync(path, { recursive: true, force: true });
  }
}
