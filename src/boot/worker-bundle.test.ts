import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundledEntry, currentBundle } from './worker-bundle.ts';
import { startTsWorker, workerSource } from '../threads/ts-worker.ts';

const SRC = fileURLToPath(new URL('../', import.meta.url));

/** The worker entries trollmap starts (each through startTsWorker). */
const ENTRIES = ['detect-runner/layers-worker.ts', 'store/sqlite/scan-helper.ts', 'ingest/import-worker.ts', 'photos/fingerprint-worker.ts'];

/** What a worker running `source` (eval) posts first, or its error. */
async function firstMessage(source: string): Promise<unknown> {
  const w = new Worker(source, { eval: true });
  try {
    return await new Promise((resolve, reject) => w.once('message', resolve).once('error', reject));
  } finally {
    await w.terminate();
  }
}

/** A folder with a worker entry `a.ts` that posts `value` from `b.ts` (and throws when told to). */
function project(value: string): { dir: string; entry: URL; b: string } {
  const dir = mkdtempSync(join(tmpdir(), 'trollmap-bundle-'));
  writeFileSync(join(dir, 'b.ts'), `export const value: string = ${JSON.stringify(value)};\nexport function fail(): never {\n  throw new Error('failed in b');\n}\n`);
  writeFileSync(
    join(dir, 'a.ts'),
    "import { parentPort, workerData } from 'node:worker_threads';\nimport { fail, value } from './b.ts';\nif (workerData?.fail) fail();\nparentPort!.postMessage(value);\n",
  );
  return { dir, entry: pathToFileURL(join(dir, 'a.ts')), b: join(dir, 'b.ts') };
}

test('every worker entry of trollmap bundles (no module of theirs uses import.meta), and each is started through startTsWorker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trollmap-bundles-'));
  try {
    for (const entry of ENTRIES) assert.ok(currentBundle(join(SRC, entry), dir), `${entry} did not bundle (TROLLMAP_DEBUG=1 says why)`);
    // A worker started elsewhere would be missing above: the calls of startTsWorker outside tests are as many.
    const calls = listTs(SRC).filter((f) => !f.endsWith('.test.ts') && !f.endsWith('ts-worker.ts'))
      .reduce((n, f) => n + (readFileSync(f, 'utf8').match(/startTsWorker\(/g)?.length ?? 0), 0);
    assert.equal(calls, ENTRIES.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bundle runs its entry in a worker, is reused while its files are unchanged and rebuilt when one changes', async () => {
  const { dir, entry, b } = project('first');
  const cache = join(dir, 'cache');
  try {
    const bundle = currentBundle(fileURLToPath(entry), cache)!;
    assert.ok(bundle.startsWith(cache));
    assert.equal(await firstMessage(workerSource(entry, [], bundle)), 'first');
    const built = statSync(bundle).mtimeMs;
    assert.equal(currentBundle(fileURLToPath(entry), cache), bundle);
    assert.equal(statSync(bundle).mtimeMs, built, 'an unchanged entry is not rebuilt');
    writeFileSync(b, readFileSync(b, 'utf8').replace('"first"', '"second"'));
    assert.equal(currentBundle(fileURLToPath(entry), cache), bundle);
    assert.equal(await firstMessage(workerSource(entry, [], bundle)), 'second');
    // Nothing half-written is left beside the bundle and its manifest.
    assert.deepEqual(readdirSync(cache).map((f) => f.replace(/-[0-9a-f]{8}\./, '.')).sort(), ['a.cjs', 'a.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an error in a bundled worker has a stack that names the .ts file it was thrown in", async () => {
  const { dir, entry } = project('x');
  try {
    const bundle = currentBundle(fileURLToPath(entry), join(dir, 'cache'))!;
    const w = new Worker(workerSource(entry, [], bundle), { eval: true, workerData: { fail: true } });
    const error = await new Promise<Error>((resolve) => w.once('error', resolve));
    assert.equal(error.message, 'failed in b');
    assert.match(error.stack ?? '', /b\.ts:3/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no bundle when a module uses import.meta, when the cache folder cannot be written, or when bundles are turned off', async () => {
  const { dir, entry, b } = project('y');
  try {
    writeFileSync(join(dir, 'file'), 'not a folder');
    assert.equal(currentBundle(fileURLToPath(entry), join(dir, 'file', 'cache')), undefined);
    const saved = process.env['TROLLMAP_WORKER_BUNDLES'];
    process.env['TROLLMAP_WORKER_BUNDLES'] = '0';
    try {
      assert.equal(bundledEntry(entry, join(dir, 'off')), undefined);
      // Started under tsx instead, the same entry gives the same answer.
      const w = startTsWorker(entry);
      assert.equal(await new Promise((resolve, reject) => w.once('message', resolve).once('error', reject)), 'y');
      await w.terminate();
    } finally {
      if (saved === undefined) delete process.env['TROLLMAP_WORKER_BUNDLES'];
      else process.env['TROLLMAP_WORKER_BUNDLES'] = saved;
    }
    writeFileSync(b, `${readFileSync(b, 'utf8')}export const here = import.meta.url;\n`);
    assert.equal(currentBundle(fileURLToPath(entry), join(dir, 'cache')), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Every .ts file under `dir`. */
function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => join(d.parentPath, d.name));
}
