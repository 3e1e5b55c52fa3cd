import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { WEAK_SIGNALS } from '../signals/weak-signals.ts';
import { accountScore, coordination, DEFAULT_FLAG_THRESHOLD, edgeStrength } from './account-score.ts';

const close = (x: number, y: number): void => assert.ok(Math.abs(x - y) < 1e-12, `${x} ≈ ${y}`);

test('hand-worked edge strengths', () => {
  close(edgeStrength({ pairs: 3, p: 1e-8 }), 1 - Math.exp(-1)); // sig 1, vol 1 − e⁻¹
  close(edgeStrength({ pairs: 3, p: 1e-4 }), 0.5 * (1 - Math.exp(-1)));
  close(edgeStrength({ pairs: 3 }), 0.5 * (1 - Math.exp(-1))); // no p: parity mode
  close(edgeStrength({ pairs: 12, keys: 3, p: 1e-8 }), 1 - Math.exp(-1)); // meetings count, not pairs
  close(edgeStrength({ pairs: 5, p: 1 }), 0);
  close(edgeStrength({ pairs: 0, p: 1e-9 }), 0);
  close(edgeStrength({ pairs: 3, p: 0 }), 1 - Math.exp(-1)); // p = 0 is capped, not infinite
});

test('the documented flag examples sit where the card says', () => {
  const at = (p: number) => ({ pairs: 9, keys: 3, p });
  const score = (edges: { pairs: number; keys: number; p: number }[], weak: number) => accountScore(coordination(edges), weak);
  assert.ok(score([at(1e-7)], 0) >= DEFAULT_FLAG_THRESHOLD);
  assert.ok(score([at(1e-6)], 0) < DEFAULT_FLAG_THRESHOLD);
  assert.ok(score([at(1e-3), at(1e-3)], 0) < DEFAULT_FLAG_THRESHOLD);
  assert.ok(score([at(1e-3), at(1e-3), at(1e-3)], 0) >= DEFAULT_FLAG_THRESHOLD);
  assert.ok(score([at(1e-3), at(1e-3)], 2) >= DEFAULT_FLAG_THRESHOLD);
  assert.ok(score([at(1e-3)], 4) < DEFAULT_FLAG_THRESHOLD);
  assert.ok(score([at(3e-4)], 2) < DEFAULT_FLAG_THRESHOLD); // one organic–organic edge of docs/tuning.md
});

test('weak signals alone never reach the threshold: no edges ⇒ score 0', () => {
  for (let fired = 0; fired <= WEAK_SIGNALS.length; fired++) assert.equal(accountScore(coordination([]), fired), 0);
});

const edgeArb = fc.record({ pairs: fc.integer({ min: 0, max: 200 }), p: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }) });
const cleanEdge = (e: { pairs: number; p: number | undefined }): { pairs: number; p?: number } =>
  e.p === undefined ? { pairs: e.pairs } : { pairs: e.pairs, p: e.p };

test('property: scores stay in [0, 1]; adding an edge, more pairs or a smaller p never lowers a score', () => {
  fc.assert(
    fc.property(
      fc.array(edgeArb, { maxLength: 8 }).map((es) => es.map(cleanEdge)),
      edgeArb.map(cleanEdge),
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 0, max: 50 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (edges, extra, weak, morePairs, pFactor) => {
        const base = accountScore(coordination(edges), weak);
        assert.ok(base >= 0 && base <= 1);
        assert.ok(accountScore(coordination([...edges, extra]), weak) >= base);
        assert.ok(accountScore(coordination(edges), weak + 1) >= base);
        if (edges.length > 0) {
          const [first, ...rest] = edges;
          const stronger = { pairs: first!.pairs + morePairs, ...(first!.p === undefined ? {} : { p: first!.p * pFactor }) };
          assert.ok(accountScore(coordination([stronger, ...rest]), weak) >= base);
        }
      },
    ),
  );
});
