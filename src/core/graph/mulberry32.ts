// A tiny seeded PRNG for the core (Louvain's random walk): the core never calls Math.random().
// mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, fast and good enough for tie-breaking.

/** A generator of numbers in [0, 1) fully determined by `seed`. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
