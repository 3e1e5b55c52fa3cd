import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { idsOf, joinIds, type JoinedIds } from './worker-columns.ts';

test('joined ids read back as the ids: by index, length, iteration and array methods, after a structured clone', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant('')), { maxLength: 60 }), (ids) => {
      const { port1, port2 } = new MessageChannel();
      port1.postMessage(joinIds(ids));
      const joined = receiveMessageOnPort(port2)!.message as JoinedIds;
      port1.close();
      const back = idsOf(joined);
      assert.equal(back.length, ids.length);
      for (let i = ids.length - 1; i >= 0; i--) assert.equal(back[i], ids[i]);
      assert.deepEqual([...back], ids);
      assert.deepEqual(back.map((x) => x), ids);
      assert.equal(back[ids.length], undefined);
      assert.equal(JSON.stringify(back), JSON.stringify(ids));
    }),
  );
});
