// Truth rows: column order is free, problems name the line and what was expected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTruth, type TruthRow } from './truth.ts';

const rows = (lines: string[][]): TruthRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));

test('reads labelled accounts keyed platform:account, sorted, optional columns kept when set', () => {
  const { truth, issues } = parseTruth(
    rows([
      ['label', 'platform', 'account', 'factory', 'role', 'extra'],
      ['troll', 'twitter', 'b2', 'f1', 'operator', 'x'],
      [' Organic ', 'twitter', 'a1', '', '', ''],
      [''],
    ]),
    'truth.csv',
  );
  assert.deepEqual(issues, []);
  assert.deepEqual(truth.accounts, [
    { key: 'twitter:a1', label: 'organic' },
    { key: 'twitter:b2', label: 'troll', factory: 'f1', role: 'operator' },
  ]);
});

test('bad label, empty account and duplicates are issues with line and expectation; good rows still load', () => {
  const { truth, issues } = parseTruth(
    rows([
      ['platform', 'account', 'label'],
      ['vk', '1', 'troll'],
      ['vk', '2', 'bot'],
      ['vk', '', 'organic'],
      ['vk', '1', 'organic'],
    ]),
    't.csv',
  );
  assert.deepEqual(truth.accounts.map((a) => a.key), ['vk:1']);
  assert.deepEqual(
    issues.map((i) => [i.line, i.field, i.code]),
    [
      [3, 'label', 'bad-value'],
      [4, 'account', 'missing-field'],
      [5, 'account', 'duplicate-id'],
    ],
  );
  assert.match(issues[0]!.message, /label is "bot": expected organic or troll/);
});

test('a header without the required columns, or no header at all, is one issue', () => {
  const missing = parseTruth(rows([['platform', 'id', 'is_troll']]), 't.csv');
  assert.equal(missing.issues.length, 1);
  assert.equal(missing.issues[0]!.line, 1);
  assert.match(missing.issues[0]!.message, /header lacks account, label: expected columns platform,account,label/);
  assert.equal(parseTruth([], 't.csv').issues[0]!.code, 'empty-file');
});
