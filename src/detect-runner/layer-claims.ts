// Who runs a claimable layer (CLAIMABLE_LAYERS, layers-in-worker.ts): one int32 per layer in memory that the main
// thread and the layers worker share, set once by whichever claims it first (Atomics.compareExchange). A module of
// its own, so that the worker's bundle holds none of the main thread's side.

export const UNCLAIMED = 0;
export const CLAIMED_HERE = 1;
export const CLAIMED_BY_WORKER = 2;

/** Claims slot `i` of `claims` for `who`: whether it was free. */
export const claimLayer = (claims: Int32Array, i: number, who: typeof CLAIMED_HERE | typeof CLAIMED_BY_WORKER): boolean =>
  Atomics.compareExchange(claims, i, UNCLAIMED, who) === UNCLAIMED;
