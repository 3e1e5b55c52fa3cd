import assert from 'node:assert/strict';
import { test } from 'node:test';
import { act, columnsOf } from '../../../test/support/columns-of.ts';
import type { Account } from '../model.ts';
import { accountProfiles, accountSignals } from './account-signals.ts';

const utc = (d: number, h: number, m = 0): number => Date.UTC(2024, 0, d, h, m); // 2024-01-01 was a Monday

test('hand-worked: five actions of one account in Bishkek time (UTC+6)', () => {
  const columns = columnsOf([
    act('1', 'a', utc(1, 4), { kind: 'post' }), // Mon 10:00 local: office hours
    act('2', 'a', utc(1, 5, 30)), // Mon 11:30 local: office hours
    act('3', 'a', utc(2, 20)), // Wed 02:00 local: night
    act('4', 'a', utc(6, 5)), // Sat 11:00 local: weekend, not office
    act('5', 'a', utc(6, 6), { precision: 'day' }), // day precision: counted, but no hour
    act('6', 'z', utc(6, 7)), // another account, not selected
  ]);
  const accounts: Account[] = [
    { platform: 'vk', id: 'a', handle: 'ivan_1990', bio: ' ', createdAt: utc(1, 4) - 2 * 86_400_000 },
    { platform: 'vk', id: 'z', handle: 'olga_1991', bio: 'учитель' },
    { platform: 'vk', id: 'x', handle: 'petr_1985' },
    { platform: 'vk', id: 'y', handle: 'anna_2001' },
    { platform: 'vk', id: 'w', handle: 'oleg_1999' },
  ];
  const signals = accountSignals(columns, accounts, ['vk:a', 'vk:none']);
  const how = new Array<number>(168).fill(0);
  for (const bin of [4, 5, 24 + 20, 5 * 24 + 5]) how[bin] = 1;
  assert.deepEqual(signals.get('vk:a'), {
    actions: 5,
    hourOfWeek: how,
    nightShare: 1 / 4,
    officeHoursShare: 2 / 4,
    activeDays: 3, // local Jan 1, Jan 3 (Tue 20:00 UTC is already Wednesday), Jan 6
    actionsPerDay: 5 / 3,
    emptyBio: true, // vk carries bios (vk:z has one); this one is blank
    ownPosts: 1,
    templatedHandle: true, // L_DDDD is shared by five vk accounts
    offsetHours: 6,
    timedActions: 4,
    firstAction: utc(1, 4),
    lastAction: utc(6, 6),
    ageAtFirstActionDays: 2,
    activeWindow: { start: 2, hours: 10, share: 1 }, // local hours 2, 10, 11, 11
    shift: false,
    handleSkeleton: 'L_DDDD',
    handleFamily: 5,
  });
  assert.deepEqual(signals.get('vk:none'), {
    actions: 0,
    hourOfWeek: new Array<number>(168).fill(0),
    nightShare: 0,
    officeHoursShare: 0,
    activeDays: 0,
    actionsPerDay: 0,
    emptyBio: false,
    ownPosts: 0,
    templatedHandle: false,
    offsetHours: 6,
    timedActions: 0,
  });
});

test('the offset is a parameter: at UTC the Tuesday 20:00 action is not at night', () => {
  const columns = columnsOf([act('1', 'a', utc(2, 20)), act('2', 'a', utc(3, 2))]);
  const s = accountSignals(columns, [], ['vk:a'], { offsetHours: 0 }).get('vk:a');
  assert.equal(s?.nightShare, 1 / 2);
  assert.equal(s?.activeDays, 2);
});

test('an export without bios flags no empty bio; a shift needs a narrow window over enough actions and days', () => {
  const actions = [];
  for (let d = 1; d <= 5; d++) for (let h = 3; h < 7; h++) actions.push(act(`${d}-${h}`, 'a', utc(d, h)));
  const s = accountSignals(columnsOf(actions), [{ platform: 'vk', id: 'a', handle: 'a' }], ['vk:a']).get('vk:a');
  assert.equal(s?.emptyBio, false);
  assert.deepEqual(s?.activeWindow, { start: 9, hours: 4, share: 1 }); // 03–06 UTC = 09–12 local
  assert.equal(s?.shift, true); // 20 timed actions on 5 days in a 4-hour window
  assert.equal(s?.officeHoursShare, 15 / 20); // 10:00–12:59 local of Mon–Fri
});

test('the profiles made before the selection is known (accountProfiles) give the same signals as the accounts', () => {
  const columns = columnsOf([act('1', 'a', utc(1, 4)), act('2', 'b', utc(1, 5)), act('3', 'a', utc(2, 6))]);
  const accounts: Account[] = [
    { platform: 'vk', id: 'a', handle: 'ivan_1990', bio: ' ', createdAt: utc(1, 0) },
    { platform: 'vk', id: 'b', handle: 'olga_1991', bio: 'учитель' },
    ...['c', 'd', 'e'].map((id, i) => ({ platform: 'vk', id, handle: `petr_${1980 + i}` })),
  ];
  const keys = ['vk:a', 'vk:b', 'vk:none'];
  const plain = accountSignals(columns, accounts, keys, { minFamily: 5 });
  assert.equal(plain.get('vk:a')?.templatedHandle, true);
  assert.equal(plain.get('vk:a')?.emptyBio, true);
  assert.deepEqual(accountSignals(columns, accountProfiles(accounts), keys, { minFamily: 5 }), plain);
  // Profiles of other accounts give other signals: the profiles are what the signals read.
  assert.notDeepEqual(accountSignals(columns, accountProfiles(accounts.slice(0, 2)), keys, { minFamily: 5 }), plain);
});
