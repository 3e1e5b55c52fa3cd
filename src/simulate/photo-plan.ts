// Decides who gets which profile photo (pure; the photo writer makes the files). Troll factories steal a few
// portraits and reuse them across accounts as exact copies and as mirrored, cropped or recompressed variants;
// organic accounts get a portrait no one else has, or none.
import type { Rng } from './rng.ts';
import type { PhotoRef } from './types.ts';

const VARIANTS: ReadonlyArray<[PhotoRef['variant'], number]> = [
  ['original', 0.3], ['mirror', 0.25], ['crop', 0.2], ['recompress', 0.15], ['mirror-crop', 0.1],
];

/** File name (relative to the output folder) of a photo variant. */
export function photoFile(source: number, variant: PhotoRef['variant'], k: number, organic: boolean): string {
  if (organic) return `photos/o${String(source).padStart(4, '0')}.jpg`;
  const stem = `photos/s${String(source).padStart(4, '0')}`;
  return variant === 'original' ? `${stem}.jpg` : `${stem}-${variant}-${k}.jpg`;
}

/** Hands out photos from `sources` portraits: about a third are reserved for theft, the rest for organic people. */
export function photoPlanner(sources: number, rng: Rng) {
  const order = rng.shuffle(Array.from({ length: sources }, (_, i) => i));
  const stolen = order.slice(0, Math.floor(sources * 0.35));
  const own = order.slice(stolen.length);
  let nextOwn = 0;
  return {
    /** A portrait of one's own, while any are left. */
    organic(): PhotoRef | undefined {
      const source = own[nextOwn++];
      if (source === undefined) return undefined;
      return { source, variant: 'original', k: 0, file: photoFile(source, 'original', 0, true) };
    },
    /** A factory's pool: `n` stolen portraits (pools of different factories may overlap). */
    factoryPool(n: number): number[] {
      return rng.sample(stolen, n);
    },
    /** One account's stolen photo; a few portraits of the pool are reused far more than others. */
    stolen(pool: readonly number[]): PhotoRef | undefined {
      if (pool.length === 0) return undefined;
      const source = pool[Math.floor(pool.length * rng.float() ** 2)] as number;
      let u = rng.float();
      let variant: PhotoRef['variant'] = 'original';
      for (const [v, w] of VARIANTS) {
        if (u < w) {
          variant = v;
          break;
        }
        u -= w;
      }
      const k = variant === 'original' || variant === 'mirror' ? 0 : rng.int(2);
      return { source, variant, k, file: photoFile(source, variant, k, false) };
    },
  };
}
