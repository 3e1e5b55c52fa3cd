// Method card — co-photo layer: accounts that show the same picture (stolen profile photos).
// Behaviour: account photos are grouped into co-photo keys by coPhotoGroups (co-photo.ts: sha256, PDQ with its 8
//   dihedral variants, the crop ladder; clusters spanning ≥ 2 accounts). Every pair of accounts in a key gets one
//   shared key; an account pair's edge counts the keys it shares. Copies of one photo under one account count once.
// Formula: pairs = keys = shared pictures; weight = Σ_k 1 / (n_k − 1), n_k = accounts showing picture k (a picture
//   shown by two accounts weighs 1, one shown by 11 weighs 0.1 per pair: each account's share of a key sums to 1,
//   so a widely reused picture does not outweigh a private one). No p-value: there is no time or activity null
//   for a profile photo; the score treats edges without p as half-significant (account-score.ts), so one shared
//   photo is moderate evidence and several are strong.
// Parameters: match thresholds (compare-photos.ts: PDQ ≤ 31, crop ladder ≤ 24, quality ≥ 50); maxAccounts 50: a
//   picture shown by more accounts is a meme, logo or stock photo, not a stolen identity, and is capped (reported,
//   not paired), like popular keys in the other layers.
// Evidence: per shared picture, the two accounts' photos (sources) and the transform of their closest direct match;
//   photos joined only through a third copy are labelled "linked" (same cluster, no direct match).
// False positives: the same stock photo or a public figure's portrait used by unrelated fans; official portraits of
//   different people stayed ≥ 58 PDQ bits apart (bench/photos.bench.ts).
// References: Meta ThreatExchange PDQ; see co-photo.ts and compare-photos.ts.
import type { PairEvidence, RunEdge } from '../run.ts';
import { comparePhotos, DEFAULT_MATCH_PARAMS, type MatchParams, type PairMatch } from './compare-photos.ts';
import { coPhotoGroups, type AccountPhoto } from './co-photo.ts';
import { CO_PHOTO_LAYER } from './co-photo-layer.ts';
import { compareStrings } from '../compare-strings.ts';

export { CO_PHOTO_LAYER };

/** Co-photo options: match thresholds and the cap on accounts per picture. */
export interface CoPhotoOptions {
  match: MatchParams;
  maxAccounts: number;
  evidencePerEdge: number;
}

export const DEFAULT_CO_PHOTO_OPTIONS: Readonly<CoPhotoOptions> = { match: DEFAULT_MATCH_PARAMS, maxAccounts: 50, evidencePerEdge: 20 };

/** Co-photo edges, and the pictures left out because too many accounts show them. */
export interface CoPhotoResult {
  edges: RunEdge[];
  capped: { key: string; accounts: number }[];
}

interface Link {
  photoA: string;
  photoB: string;
  match: PairMatch | undefined;
}

const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;

/** One photo per (account, sha256): a re-imported or repeated avatar is one picture. */
function distinctPhotos(photos: readonly AccountPhoto[]): AccountPhoto[] {
  const seen = new Set<string>();
  return photos.filter((p) => {
    const k = pairKey(p.account, p.fingerprint.sha256);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The closest link between accounts a < b in one picture, oriented so photoA is a's. */
function bestLink(group: ReturnType<typeof coPhotoGroups>[number], a: string, b: string, byPhoto: Map<string, AccountPhoto>, params: MatchParams): Link {
  let best: Link | undefined;
  for (const l of group.links) {
    const forward = l.accountA === a && l.accountB === b;
    if (!forward && !(l.accountA === b && l.accountB === a)) continue;
    if (!best || l.match.distance < best.match!.distance) {
      best = forward ? { photoA: l.photoA, photoB: l.photoB, match: l.match } : { photoA: l.photoB, photoB: l.photoA, match: l.match };
    }
  }
  if (best) return best;
  // Joined through other copies: compare the two accounts' photos in this picture directly.
  const photosOf = (acc: string): AccountPhoto[] => {
    const out = new Map<string, AccountPhoto>();
    for (const l of group.links) {
      if (l.accountA === acc) out.set(l.photoA, byPhoto.get(pairKey(acc, l.photoA))!);
      if (l.accountB === acc) out.set(l.photoB, byPhoto.get(pairKey(acc, l.photoB))!);
    }
    return [...out.values()];
  };
  const pa = photosOf(a);
  const pb = photosOf(b);
  for (const x of pa) {
    for (const y of pb) {
      const m = comparePhotos(x.fingerprint, y.fingerprint, params);
      if (m && (!best?.match || m.distance < best.match.distance)) best = { photoA: x.photo, photoB: y.photo, match: m };
    }
  }
  return best ?? { photoA: pa[0]!.photo, photoB: pb[0]!.photo, match: undefined };
}

/** The evidence key: "<transform> photo <sha256 prefix>", e.g. "mirror photo 3fa2c1d4e5f6". */
export function coPhotoKey(transform: string, sha256: string): string {
  return `${transform} photo ${sha256.slice(0, 12)}`;
}

/** Turns account photos (account = account key) into co-photo edges, a < b, sorted by (a, b). */
export function coPhotoEdges(photos: readonly AccountPhoto[], options: Partial<CoPhotoOptions> = {}): CoPhotoResult {
  const o = { ...DEFAULT_CO_PHOTO_OPTIONS, ...options };
  const distinct = distinctPhotos(photos);
  const byPhoto = new Map(distinct.map((p) => [pairKey(p.account, p.photo), p]));
  const edges = new Map<string, RunEdge & { ranked: { d: number; e: PairEvidence }[] }>();
  const capped: CoPhotoResult['capped'] = [];
  for (const g of coPhotoGroups(distinct, o.match)) {
    const n = g.accounts.length;
    if (n > o.maxAccounts) {
      capped.push({ key: g.key, accounts: n });
      continue;
    }
    const sha = g.key.slice('photo:'.length);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = g.accounts[i]!;
        const b = g.accounts[j]!;
        const link = bestLink(g, a, b, byPhoto, o.match);
        const k = pairKey(a, b);
        let e = edges.get(k);
        if (!e) {
          e = { a, b, layer: CO_PHOTO_LAYER, pairs: 0, keys: 0, weight: 0, evidence: [], ranked: [] };
          edges.set(k, e);
        }
        e.pairs++;
        e.keys++;
        e.weight += 1 / (n - 1);
        const ev: PairEvidence = { layer: CO_PHOTO_LAYER, key: coPhotoKey(link.match?.transform ?? 'linked', sha), actionA: link.photoA, actionB: link.photoB, dt: 0 };
        e.ranked.push({ d: link.match?.distance ?? 257, e: ev });
      }
    }
  }
  const out: RunEdge[] = [...edges.values()]
    .sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b))
    .map(({ ranked, ...e }) => ({
      ...e,
      evidence: ranked.sort((x, y) => x.d - y.d || compareStrings(x.e.key, y.e.key)).slice(0, o.evidencePerEdge).map((r) => r.e),
    }));
  return { edges: out, capped };
}
