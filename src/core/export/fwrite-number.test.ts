import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cooRTweetEdgesCsv } from './coortweet-csv.ts';
import { fwriteDouble } from './fwrite-number.ts';

test('fwrite formats: the examples in data.table fwrite.c and R conventions', () => {
  // fwrite.c comments: 3.1416 → "3.1416", 30460 → "30460", 0.0072 → "0.0072".
  assert.equal(fwriteDouble(3.1416), '3.1416');
  assert.equal(fwriteDouble(30460), '30460');
  assert.equal(fwriteDouble(0.0072), '0.0072');
  // Scientific when shorter, as base R: 1e+05, 1e-05; 123456 stays fixed.
  assert.equal(fwriteDouble(100000), '1e+05');
  assert.equal(fwriteDouble(1e-5), '1e-05');
  assert.equal(fwriteDouble(123456), '123456');
  assert.equal(fwriteDouble(-2.5), '-2.5');
  assert.equal(fwriteDouble(0), '0');
  assert.equal(fwriteDouble(Infinity), 'Inf');
  assert.equal(fwriteDouble(NaN), '');
  assert.equal(fwriteDouble(1 / 3), '0.333333333333333');
  assert.equal(fwriteDouble(2 / 3), '0.666666666666667');
});

test('fwrite rounding quirk seen in CooRTweet reference edges: 292/11 and 232/7', () => {
  // german_elections_fb_urls_tw60_mp2_edges.csv.gz has 26.5454545454546 and 33.1428571428572 where correctly
  // rounded printing gives …545 and …571.
  assert.equal((292 / 11).toPrecision(15), '26.5454545454545');
  assert.equal(fwriteDouble(292 / 11), '26.5454545454546');
  assert.equal(fwriteDouble(232 / 7), '33.1428571428572');
  assert.equal(fwriteDouble(86 / 3), '28.6666666666667');
});

test('edges CSV quotes only fields that need it', () => {
  const csv = cooRTweetEdgesCsv([
    { from: 'a,1', to: 'b"2', weight: 3, avgTimeDelta: 0.5, nContentId: 1, nContentIdY: 2, edgeSymmetryScore: 0.5, weightThreshold: 1 },
  ]);
  assert.equal(csv.split('\n')[1], '"a,1","b""2",3,0.5,1,2,0.5,1');
});
