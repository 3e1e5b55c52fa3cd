// The values copied for cheap command registration must equal the ones of the modules that own them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CO_PHOTO_LAYER as PHOTO_LAYER } from '../core/photo/co-photo-edges.ts';
import { DEFAULT_LAYERS, DEFAULT_PARAMS } from '../core/pipeline/index.ts';
import { SIM_FORMATS } from '../simulate/write-formats.ts';
import { CO_PHOTO_LAYER, DETECT_DEFAULTS, SIMULATE_FORMATS } from './command-defaults.ts';

test('detect defaults equal the pipeline defaults', () => {
  assert.deepEqual(DETECT_DEFAULTS.layers, DEFAULT_LAYERS);
  assert.equal(DETECT_DEFAULTS.minParticipation, DEFAULT_PARAMS.minParticipation);
  assert.equal(DETECT_DEFAULTS.alpha, DEFAULT_PARAMS.alpha);
  assert.equal(DETECT_DEFAULTS.seed, DEFAULT_PARAMS.seed);
});

test('the co-photo layer name and the simulator formats equal their sources', () => {
  assert.equal(CO_PHOTO_LAYER, PHOTO_LAYER);
  assert.deepEqual(SIMULATE_FORMATS, SIM_FORMATS);
});
