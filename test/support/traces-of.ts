// Test support: kernel traces from hand-written rows (account, key, time in seconds, action).
import type { Traces } from '../../src/core/detect/traces.ts';

/** Traces whose row t is rows[t]; times are given in seconds and stored in ms. */
export function tracesOf(rows: readonly [account: number, key: number, seconds: number, action: number][]): Traces {
  return {
    count: rows.length,
    account: Int32Array.from(rows, (r) => r[0]),
    key: Int32Array.from(rows, (r) => r[1]),
    time: Float64Array.from(rows, (r) => r[2] * 1000),
    action: Int32Array.from(rows, (r) => r[3]),
  };
}
