// The whole pipeline on a hand-made case: three accounts post the same ready-made comments under several posts
// within a minute; twenty ordinary accounts comment on the same posts with their own words, hours apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { act, columnsOf } from '../../../test/support/columns-of.ts';
import type { Action } from '../model.ts';
import { detectRun, runLayer } from './detect-run.ts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 1, 9);
const TALKING_POINTS = [
  'Только Асанов держит слово, все остальные кандидаты только болтают',
  'Не верьте Бекмуратовой, это очередной обман простого народа',
  'Асанов построил дорогу в Оше, а остальные только обещали нам',
  'Голосуем за Асанова всей семьей, он доказал делом свою честность',
];

function world(): Action[] {
  const actions: Action[] = [];
  TALKING_POINTS.forEach((text, post) => {
    ['troll1', 'troll2', 'troll3'].forEach((account, i) => {
      // Under post 2 the order is reversed: troll3 first, troll1 last.
      const order = post === 2 ? 2 - i : i;
      actions.push(act(`t${post}-${i}`, account, T0 + post * 6 * H + order * 20_000, { target: `post${post}`, text }));
    });
    for (let o = 0; o < 20; o++) {
      const text = `Мнение номер ${o} о посте ${post}: у каждого свои слова и свои мысли здесь`;
      actions.push(act(`o${post}-${o}`, `person${o}`, T0 + post * 6 * H + (o + 1) * 0.25 * H, { target: `post${post}`, text }));
    }
  });
  return actions;
}

const params = { layers: ['co-text', 'co-target'], window: 600_000, minParticipation: 2, alpha: 0.01, method: 'significance' as const, seed: 1 };
const context = { version: 'test', createdAt: T0, inputHash: 'h' };

test('the three accounts posting the same comments within a minute form the only network', () => {
  const run = detectRun(columnsOf(world()), [], params, context);
  const trolls = ['vk:troll1', 'vk:troll2', 'vk:troll3'];
  const linked = new Set(run.edges.flatMap((e) => [e.a, e.b]));
  assert.deepEqual([...linked].sort(), trolls, 'no ordinary account has a significant edge');
  const text = run.edges.filter((e) => e.layer === 'co-text');
  assert.equal(text.length, 3, 'every pair of the three in co-text');
  for (const e of text) {
    assert.equal(e.keys, 4, 'four talking points');
    assert.ok(e.p !== undefined && e.p < 0.01);
    for (const ev of e.evidence) {
      assert.ok(ev.dt <= 40_000);
      assert.ok(ev.actionA.startsWith(`vk:t`));
    }
  }
  const e12 = text.find((e) => e.a === 'vk:troll1' && e.b === 'vk:troll2')!;
  assert.deepEqual(
    e12.evidence.map((ev) => [ev.actionA, ev.actionB, ev.dt]),
    [0, 1, 2, 3].map((post) => [`vk:t${post}-0`, `vk:t${post}-1`, 20_000]),
    'actionA belongs to a, actionB to b',
  );
  assert.equal(run.networks.length, 1);
  assert.deepEqual(run.networks[0]!.members, trolls);
  assert.ok(run.accounts.every((a) => a.score >= 0.5));
});

test('the run records how each layer was tested: co-target by co-membership, the rest by configuration, q ≤ alpha', () => {
  const run = detectRun(columnsOf(world()), [], params, context);
  assert.deepEqual(run.params.tests, [
    { layer: 'co-text', null: 'configuration', qThreshold: 0.01, minKeys: 2 },
    { layer: 'co-target', null: 'membership', qThreshold: 0.01, minKeys: 2 },
  ]);
});

test('same input and parameters give byte-identical runs, whatever the input order', () => {
  const a = JSON.stringify(detectRun(columnsOf(world()), [], params, context));
  const b = JSON.stringify(detectRun(columnsOf(world().reverse()), [], params, context));
  assert.equal(a, b);
});

test('stages: each layer the run computes, then the networks; a layer computed already is no stage of its own', () => {
  const columns = columnsOf(world());
  const stages: string[] = [];
  const one = detectRun(columns, [], params, { ...context, onStage: (s) => stages.push(s) });
  assert.deepEqual(stages, ['co-text', 'co-target', 'networks']);
  stages.length = 0;
  const computed = new Map([['co-target', runLayer(columns, 'co-target', params)]]);
  const two = detectRun(columns, [], params, { ...context, computed, onStage: (s) => stages.push(s) });
  assert.deepEqual(stages, ['co-text', 'networks']);
  assert.equal(JSON.stringify(two), JSON.stringify(one));
});
