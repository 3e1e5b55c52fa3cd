import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { columnsOf } from '../../../test/support/columns-of.ts';
import { variedActions } from '../../../test/support/varied-actions.ts';
import { CLAIMED, fromHelper, helperClaims, helperColumns, leftToMain, type HelperColumns } from './scan-protocol.ts';

test('the helper claims chunks until only those left to the main thread remain, and never counts a refused one', () => {
  const chunks = 200;
  const left = leftToMain(chunks);
  assert.ok(left >= 1 && left < chunks / 10, `a few chunks are left to the main thread (${left})`);
  const shared = new Int32Array(4);
  let helper = 0;
  while (helperClaims(shared, chunks)) helper++;
  assert.equal(helper, chunks - left);
  assert.equal(Atomics.load(shared, CLAIMED), chunks - left, 'refusals leave the count as it was');
  assert.equal(helperClaims(shared, chunks), false);
  // The main thread's claims (parallel-scan.ts) then take exactly the rest.
  let main = 0;
  while (Atomics.add(shared, CLAIMED, 1) < chunks) main++;
  assert.equal(main, left);
  assert.equal(helperClaims(new Int32Array(4), 1), false, 'one chunk: the main thread reads it');
});

test("the helper's columns cross joined (one string per list) and arrive as the columns it built", () => {
  const columns = columnsOf(variedActions(500));
  assert.ok(columns.urls.values.length > 0 && columns.hashtags.values.length > 0 && columns.media.values.length > 0 && columns.sharedKeys.length > 0);
  const { columns: crossing, transfer } = helperColumns(columns);
  for (const list of ['ids', 'accountKeys', 'targetKeys', 'sharedKeys'] as const) assert.equal(typeof crossing[list].chars, 'string', list);
  for (const list of ['urls', 'hashtags', 'media'] as const) assert.equal(typeof crossing[list].values.chars, 'string', list);
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(crossing, transfer);
  const got = receiveMessageOnPort(port2)!.message as HelperColumns;
  port1.close();
  assert.equal(columns.account.length, 0, 'typed arrays were moved, not copied');
  const expected = columnsOf(variedActions(500));
  assert.deepStrictEqual(fromHelper(got), expected);
});
