import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { workerExecArgv } from './ts-worker.ts';

test('workers keep the parent\'s profiling and loader flags, except those that load tsx (they load it themselves)', () => {
  assert.deepEqual(
    workerExecArgv(['--import', 'tsx', '--cpu-prof', '--cpu-prof-dir=/tmp/p', '--require=tsx/cjs', '-r', 'tsx/cjs', '--import', './other.mjs', '--heap-prof-dir', '/tmp/h']),
    ['--cpu-prof', '--cpu-prof-dir=/tmp/p', '--import', './other.mjs', '--heap-prof-dir', '/tmp/h'],
  );
  assert.deepEqual(workerExecArgv(['--loader', 'file:///x/node_modules/tsx/dist/loader.mjs', '--import=tsx/esm', '--enable-source-maps']), ['--enable-source-maps']);
});

test('V8 and process flags, which a worker refuses, are dropped with their values; a worker starts with the rest', async () => {
  const parent = ['--max-old-space-size=4096', '--max-semi-space-size', '64', '--expose-gc', '--stack-size=2000', '--title=x', '--no-warnings', '--conditions', 'dev'];
  // The flags themselves: a worker given all of them refuses to start.
  assert.throws(() => new Worker('0', { eval: true, execArgv: parent }), { code: 'ERR_WORKER_INVALID_EXEC_ARGV' });
  const kept = workerExecArgv(parent);
  assert.deepEqual(kept, ['--no-warnings', '--conditions', 'dev']);
  const w = new Worker("require('node:worker_threads').parentPort.postMessage(process.execArgv)", { eval: true, execArgv: kept });
  const seen = await new Promise((resolve, reject) => w.once('message', resolve).once('error', reject));
  assert.deepEqual(seen, kept);
  await w.terminate();
});
