import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import {
  cutDistinct, cutStrings, joinDistinct, joinedOf, joinStrings, stringsOf, type JoinedDistinct, type JoinedStrings,
} from './joined-strings.ts';

test('joined strings read back as the strings: by index, length, iteration and array methods, and all cut at once, after a structured clone', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant('')), { maxLength: 60 }), (ids) => {
      const { port1, port2 } = new MessageChannel();
      port1.postMessage(joinStrings(ids));
      const joined = receiveMessageOnPort(port2)!.message as JoinedStrings;
      port1.close();
      const back = stringsOf(joined);
      assert.equal(back.length, ids.length);
      for (let i = ids.length - 1; i >= 0; i--) assert.equal(back[i], ids[i]);
      assert.deepEqual([...back], ids);
      assert.deepStrictEqual(stringsOf(joined), ids);
      assert.deepEqual(Object.keys(back), Object.keys(ids));
      assert.equal(joinedOf(back), joined, 'joinedOf gives the joined form back');
      assert.equal(stringsOf(joined), back, 'one array per joined list');
      assert.deepEqual(back.map((x) => x), ids);
      assert.equal(back[ids.length], undefined);
      assert.equal(JSON.stringify(back), JSON.stringify(ids));
      assert.deepEqual(cutStrings(joined), ids);
    }),
  );
});

test('distinct texts cross joined: the same list back on the other thread', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom('Привет', 'a', '', '🙂'), fc.string()), { maxLength: 80 }), (texts) => {
      const { port1, port2 } = new MessageChannel();
      port1.postMessage(joinDistinct(texts));
      const back = cutDistinct(receiveMessageOnPort(port2)!.message as JoinedDistinct);
      port1.close();
      assert.deepEqual(back, texts);
    }),
  );
  assert.throws(() => cutDistinct({ values: joinStrings(['a']), codes: Int32Array.of(2) }), /outside/);
});

test('joinedOf joins a list once and gives the same join to every caller', () => {
  const ids = ['1', '22', ''];
  const j = joinedOf(ids);
  assert.deepEqual({ chars: j.chars, ends: [...j.ends] }, { chars: '122', ends: [1, 3, 3] });
  assert.equal(joinedOf(ids), j);
  assert.notEqual(joinedOf([...ids]), j, 'another list with the same strings is joined on its own');
});
