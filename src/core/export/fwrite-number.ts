// Doubles exactly as R's data.table::fwrite writes them (its writeFloat64, src/fwrite.c): 15 significant digits
// found with double arithmetic over a lookup of powers of two, so a value can differ from correctly rounded
// printing in the 15th digit (292/11 prints as 26.5454545454546, not …545). CooRTweet's reference files were
// written this way; matching them byte for byte needs the same arithmetic, not a better one.

const SIZE_SF = 1e15;
const NUM_SF = 15;
const expsigCache = new Map<number, { sig: number; pow: number }>();

/** fwrite's `expsig`/`exppow` for a biased exponent: 2^(e−1023) = sig · 10^pow with sig in [1, 10). */
function expsig(biased: number): { sig: number; pow: number } {
  let hit = expsigCache.get(biased);
  if (hit) return hit;
  const e = biased - 1023;
  // Exact decimal digits of 2^e: 2^e itself, or 5^k / 10^k for e = −k.
  const digits = e >= 0 ? (1n << BigInt(e)).toString() : (5n ** BigInt(-e)).toString();
  const pow = e >= 0 ? digits.length - 1 : digits.length - 1 + e;
  const mantissa = `${digits[0]}.${digits.slice(1, 41) || '0'}`;
  hit = { sig: Number(mantissa), pow };
  expsigCache.set(biased, hit);
  return hit;
}

/** A double as fwrite writes it (scipen 0, `.` decimal): `28.6666666666667`, `0.5`, `1e-05`, `Inf`. */
export function fwriteDouble(value: number, na = ''): string {
  if (Number.isNaN(value)) return na;
  if (!Number.isFinite(value)) return value > 0 ? 'Inf' : '-Inf';
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const x = Math.abs(value);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  let fraction = bits & 0xfffffffffffffn;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let acc = 0;
  let i = 52;
  if (fraction !== 0n) {
    while ((fraction & 0xffn) === 0n) {
      fraction >>= 8n;
      i -= 8;
    }
    while (fraction !== 0n) {
      if ((fraction & 1n) === 1n) acc += 2 ** -i;
      i--;
      fraction >>= 1n;
    }
  }
  const { sig, pow } = expsig(biased);
  let y = (1.0 + acc) * sig;
  let exp = pow;
  if (y >= 9.99999999999999) {
    y /= 10;
    exp++;
  }
  let l = BigInt(Math.trunc(y * SIZE_SF));
  if (l % 10n >= 5n) l += 10n;
  l /= 10n;
  if (l === 0n) return '0';
  let trailZero = 0;
  while (l % 10n === 0n) {
    l /= 10n;
    trailZero++;
  }
  let sf = NUM_SF - trailZero;
  if (sf === 0) {
    sf = 1;
    exp++;
  }
  const ds = l.toString().padStart(sf, '0');
  let dr = sf - exp - 1;
  let width: number;
  let dl0 = 0;
  if (dr <= 0) {
    dl0 = -dr;
    dr = 0;
    width = sf + dl0;
  } else if (sf > dr) {
    width = sf + 1;
  } else {
    dl0 = 1;
    width = dr + 1 + dl0;
  }
  if (width <= sf + (sf > 1 ? 1 : 0) + 2 + (Math.abs(exp) > 99 ? 3 : 2)) {
    if (dr === 0) return sign + ds + '0'.repeat(dl0);
    if (sf > dr) return sign + ds.slice(0, sf - dr) + '.' + ds.slice(sf - dr);
    return sign + '0.' + '0'.repeat(dr - sf) + ds;
  }
  const mant = sf === 1 ? ds : `${ds[0]}.${ds.slice(1)}`;
  const e = Math.abs(exp);
  return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
}
