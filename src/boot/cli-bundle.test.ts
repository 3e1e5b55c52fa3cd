import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildCliBundle, CACHE_DIR, currentCliBundle, ROOT, type BundleManifest } from './bundles.js';

const run = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test('the CLI bundle runs the CLI, is current until one of its sources changes, and two builds at once give one', async () => {
  // Under node_modules, as the real one: the bundle finds its packages there.
  mkdirSync(CACHE_DIR, { recursive: true });
  const dir = mkdtempSync(join(CACHE_DIR, 'test-cli-'));
  try {
    assert.equal(currentCliBundle(dir), undefined);
    const [a, b] = await Promise.all([buildCliBundle(dir), buildCliBundle(dir)]);
    assert.ok(a, 'built (TROLLMAP_DEBUG=1 says why not)');
    assert.equal(b, a);
    assert.equal(currentCliBundle(dir), a);
    assert.deepEqual(readdirSync(dir).map((f) => f.replace(/[0-9a-f]{12}$/, '')).sort(), ['build-', 'manifest.json']);
    // Our modules' import.meta.url are their own files' (bundles.js finds the package's root from it, say).
    const build = join(dir, readdirSync(dir).find((f) => f.startsWith('build-'))!);
    for (const f of readdirSync(build).filter((f) => f.endsWith('.mjs'))) assert.doesNotMatch(readFileSync(join(build, f), 'utf8'), /import\.meta\.url/, f);
    assert.match(readFileSync(a, 'utf8') + readdirSync(build).map((f) => f.endsWith('.mjs') ? readFileSync(join(build, f), 'utf8') : '').join(''), /src\/boot\/bundles\.js/);
    // The bundled CLI answers as the sources do; a command's modules load when it runs (`stats` on no database).
    assert.equal((await run(process.execPath, [a, '--version'])).stdout.trim(), VERSION);
    const missing = join(dir, 'none.db');
    await assert.rejects(run(process.execPath, [a, 'stats', '--db', missing]), (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 1);
      assert.match(e.stderr, /none\.db/);
      return true;
    });
    // One input hashing differently (an edited source) makes the build stale.
    const path = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as BundleManifest;
    const inputs = Object.keys(manifest.inputs);
    assert.ok(inputs.some((f) => f.endsWith(join('src', 'cli', 'main.ts'))) && inputs.some((f) => f.endsWith(join('src', 'core', 'model.ts'))));
    writeFileSync(path, JSON.stringify({ ...manifest, inputs: { ...manifest.inputs, [inputs[0]!]: '0'.repeat(40) } }));
    assert.equal(currentCliBundle(dir), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no CLI bundle when bundles are turned off or the folder cannot be written: bin/trollmap.js runs the sources', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trollmap-cli-bundle-'));
  const saved = process.env['TROLLMAP_CLI_BUNDLE'];
  try {
    writeFileSync(join(dir, 'file'), 'not a folder');
    assert.equal(await buildCliBundle(join(dir, 'file', 'cli')), undefined);
    process.env['TROLLMAP_CLI_BUNDLE'] = '0';
    assert.equal(await buildCliBundle(join(dir, 'off')), undefined);
    assert.equal(currentCliBundle(join(dir, 'off')), undefined);
    const out = await run(process.execPath, [join(ROOT, 'bin', 'trollmap.js'), '--version'], { env: { ...process.env, TROLLMAP_CLI_BUNDLE: '0' } });
    assert.equal(out.stdout.trim(), VERSION);
  } finally {
    if (saved === undefined) delete process.env['TROLLMAP_CLI_BUNDLE'];
    else process.env['TROLLMAP_CLI_BUNDLE'] = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
