import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workerExecArgv } from './ts-worker.ts';

test('workers keep the parent\'s Node flags except those that load tsx (they load it themselves)', () => {
  assert.deepEqual(
    workerExecArgv(['--import', 'tsx', '--cpu-prof', '--cpu-prof-dir=/tmp/p', '--require=tsx/cjs', '-r', 'tsx/cjs', '--import', './other.mjs', '--max-old-space-size=4096']),
    ['--cpu-prof', '--cpu-prof-dir=/tmp/p', '--import', './other.mjs', '--max-old-space-size=4096'],
  );
  assert.deepEqual(workerExecArgv(['--loader', 'file:///x/node_modules/tsx/dist/loader.mjs', '--import=tsx/esm', '--enable-source-maps']), ['--enable-source-maps']);
});
