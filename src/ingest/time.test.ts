import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEpoch, parseTime } from './time.ts';

const iso = (v: string): string | undefined => {
  const t = parseTime(v);
  return t && `${new Date(t.ms).toISOString()} ${t.precision}`;
};

test('ISO and zone-less times are UTC, with the precision the text gives', () => {
  assert.equal(iso('2016-08-16 11:47:00'), '2016-08-16T11:47:00.000Z s');
  assert.equal(iso('2019-02-12 18:45'), '2019-02-12T18:45:00.000Z min');
  assert.equal(iso('2024-03-01T10:00:00Z'), '2024-03-01T10:00:00.000Z s');
  assert.equal(iso('2024-03-01T10:00:00.250+02:00'), '2024-03-01T08:00:00.250Z ms');
  assert.equal(iso('2023-05-01T12:00:00+0000'), '2023-05-01T12:00:00.000Z s');
  assert.equal(iso('2017-03-14'), '2017-03-14T00:00:00.000Z day');
});

test('CrowdTangle zone abbreviations, US dates, Twitter classic and unix times', () => {
  assert.equal(iso('2021-09-01 12:34:56 EDT'), '2021-09-01T16:34:56.000Z s');
  assert.equal(iso('2018-11-05 08:00:00 EST'), '2018-11-05T13:00:00.000Z s');
  assert.equal(iso('10/1/2017 19:58'), '2017-10-01T19:58:00.000Z min');
  assert.equal(iso('Wed Jan 07 04:38:02 +0000 2009'), '2009-01-07T04:38:02.000Z s');
  assert.equal(iso('1646128800'), '2022-03-01T10:00:00.000Z s');
  assert.equal(iso('1646128800123'), '2022-03-01T10:00:00.123Z ms');
  assert.deepEqual(parseEpoch(1646128800), { ms: 1646128800000, precision: 's' });
});

test('impossible dates and junk are refused, not rolled over', () => {
  for (const v of ['2019-02-31 10:00', '2019-02-29', '2019-13-01', '2019-01-01 24:00', '31/02/2019', 'yesterday', '', '12', '2019-01-01 10:00 XYZ']) {
    assert.equal(parseTime(v), undefined, v);
  }
  assert.equal(iso('2020-02-29'), '2020-02-29T00:00:00.000Z day');
});
