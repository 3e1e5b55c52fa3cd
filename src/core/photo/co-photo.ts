// Method card — co-photo layer input: accounts that show the same picture.
// Behaviour: every account photo (avatar or posted image) is fingerprinted; photos are matched (sha256, PDQ
//   with dihedral variants, crop ladder; compare-photos.ts) and grouped into clusters (photo-clusters.ts).
//   A cluster that spans two or more accounts becomes one co-photo key, `photo:<sha256 of its first photo>`;
//   each of its accounts gets a trace with that key. Links inside one account are not evidence and dropped.
// Parameters: MatchParams (pdqThreshold 31, cropThreshold 24, minQuality 50; see compare-photos.ts).
// Evidence: the photo pairs that joined the cluster, each with both accounts and photos, method, transform and
//   distance ("acc1's avatar is acc2's avatar mirrored, PDQ distance 12").
// False positives: platform default avatars and logos are flat (quality < 50) and ignored; stock photos and
//   memes shared by unrelated people are real shared pictures: the kernel's rarity weights must discount keys
//   shared by many accounts. Official portraits of different people stayed ≥ 58 bits apart (bench).
// References: Meta ThreatExchange PDQ (pdq/README.md); see bench/photos.bench.ts for recall and error rates.
import { DEFAULT_MATCH_PARAMS, type MatchParams, type PairMatch } from './compare-photos.ts';
import type { PhotoFingerprint } from './fingerprint.ts';
import { matchWithin } from './match-photos.ts';
import { photoClusters } from './photo-clusters.ts';

/** A photo and the account that showed it; `photo` is its path or URL, for the explanation. */
export interface AccountPhoto {
  account: string;
  photo: string;
  fingerprint: PhotoFingerprint;
}

/** One link of evidence: account a's photo and account b's photo match as `match` says. */
export interface CoPhotoLink {
  accountA: string;
  photoA: string;
  accountB: string;
  photoB: string;
  match: PairMatch;
}

/** A picture shown by two or more accounts. */
export interface CoPhotoGroup {
  key: string;
  accounts: string[];
  links: CoPhotoLink[];
}

/** Groups account photos into co-photo keys (clusters spanning ≥ 2 accounts), sorted by key. */
export function coPhotoGroups(photos: readonly AccountPhoto[], params: MatchParams = DEFAULT_MATCH_PARAMS): CoPhotoGroup[] {
  const pairs = matchWithin(photos.map((p) => p.fingerprint), params);
  const groups: CoPhotoGroup[] = [];
  for (const c of photoClusters(photos.length, pairs)) {
    const accounts = [...new Set(c.members.map((m) => photos[m]!.account))].sort();
    if (accounts.length < 2) continue;
    const links = c.pairs
      .filter((p) => photos[p.a]!.account !== photos[p.b]!.account)
      .map((p) => ({
        accountA: photos[p.a]!.account,
        photoA: photos[p.a]!.photo,
        accountB: photos[p.b]!.account,
        photoB: photos[p.b]!.photo,
        match: p.match,
      }));
    groups.push({ key: `photo:${photos[c.key]!.fingerprint.sha256}`, accounts, links });
  }
  return groups.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
