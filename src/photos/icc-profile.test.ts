import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iccDescription, isSrgbProfile } from './icc-profile.ts';

// A minimal ICC file: 128-byte header, one tag ('desc') holding the given tag body.
function profile(tag: Uint8Array): Uint8Array {
  const out = new Uint8Array(144 + tag.length);
  const v = new DataView(out.buffer);
  v.setUint32(128, 1);
  v.setUint32(132, 0x64657363);
  v.setUint32(136, 144);
  v.setUint32(140, tag.length);
  out.set(tag, 144);
  return out;
}

function v2(text: string): Uint8Array {
  const t = new Uint8Array(12 + text.length + 1);
  const v = new DataView(t.buffer);
  v.setUint32(0, 0x64657363);
  v.setUint32(8, text.length + 1);
  for (let i = 0; i < text.length; i++) t[12 + i] = text.charCodeAt(i);
  return t;
}

function v4(text: string): Uint8Array {
  const t = new Uint8Array(28 + text.length * 2);
  const v = new DataView(t.buffer);
  v.setUint32(0, 0x6d6c7563);
  v.setUint32(8, 1);
  v.setUint32(12, 12);
  v.setUint32(20, text.length * 2);
  v.setUint32(24, 28);
  for (let i = 0; i < text.length; i++) v.setUint16(28 + 2 * i, text.charCodeAt(i));
  return t;
}

test('reads v2 and v4 descriptions', () => {
  assert.equal(iccDescription(profile(v2('sRGB IEC61966-2.1'))), 'sRGB IEC61966-2.1');
  assert.equal(iccDescription(profile(v4('Display P3'))), 'Display P3');
});

test('sRGB profiles are recognised, others are not', () => {
  assert.equal(isSrgbProfile(profile(v2('sRGB IEC61966-2.1'))), true);
  assert.equal(isSrgbProfile(profile(v4('sRGB built-in'))), true);
  assert.equal(isSrgbProfile(profile(v2('Adobe RGB (1998)'))), false);
  assert.equal(isSrgbProfile(profile(v4('Display P3'))), false);
});

test('truncated or empty profiles are not sRGB', () => {
  assert.equal(isSrgbProfile(new Uint8Array(0)), false);
  assert.equal(isSrgbProfile(profile(v2('sRGB IEC61966-2.1')).subarray(0, 150)), false);
});
