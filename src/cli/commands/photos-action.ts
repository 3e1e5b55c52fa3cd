// The work of `trollmap photos hash` and `trollmap photos match`, imported only when they run (sharp decodes).
import { UserError } from '../../core/errors.ts';
import type { MatchParams } from '../../core/photo/compare-photos.ts';
import { toHex } from '../../core/photo/hash256.ts';
import { matchAcross, matchWithin } from '../../core/photo/match-photos.ts';
import type { PhotoIssue } from '../../core/photo/photo-issue.ts';
import type { FileFingerprint } from '../../photos/fingerprint-files.ts';
import { fingerprintFilesParallel } from '../../photos/fingerprint-pool.ts';
import { listImages } from '../../photos/list-images.ts';

/** The flags of `trollmap photos match`. */
export interface MatchFlags {
  json?: boolean;
  threshold: number;
  cropThreshold: number;
  minQuality: number;
}

function printIssues(issues: readonly PhotoIssue[]): void {
  for (const i of issues) process.stderr.write(`✖ ${i.message} [${i.code}]\n`);
}

async function fingerprintAll(files: readonly string[]): Promise<FileFingerprint[]> {
  const { fingerprints, issues } = await fingerprintFilesParallel(files);
  printIssues(issues);
  if (files.length > 0 && fingerprints.length === 0) {
    throw new UserError(`none of the ${files.length} image file(s) could be read (see the messages above)`);
  }
  return fingerprints;
}

/** `trollmap photos hash FILES…`. */
export async function hashCommand(files: string[], flags: { json?: boolean }): Promise<void> {
  const fps = await fingerprintAll(files);
  const rows = fps.map((f) => ({ file: f.file, pdq: toHex(f.fingerprint.dihedral[0]!), quality: f.fingerprint.quality }));
  if (flags.json) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  // Meta's pdq-photo-hasher prints "hash,quality,filename".
  for (const r of rows) process.stdout.write(`${r.pdq},${r.quality},${r.file}\n`);
}

/** `trollmap photos match DIR [DIR2]`. */
export async function matchCommand(dir: string, dir2: string | undefined, flags: MatchFlags): Promise<void> {
  const params: MatchParams = { pdqThreshold: flags.threshold, cropThreshold: flags.cropThreshold, minQuality: flags.minQuality };
  const left = await fingerprintAll(await listImages(dir));
  const right = dir2 === undefined ? left : await fingerprintAll(await listImages(dir2));
  const lowQuality = [...new Set([...left, ...right])].filter((f) => f.fingerprint.quality < params.minQuality);
  const fl = left.map((f) => f.fingerprint);
  const pairs = dir2 === undefined ? matchWithin(fl, params) : matchAcross(fl, right.map((f) => f.fingerprint), params);
  const rows = pairs.map((p) => ({
    a: left[p.a]!.file,
    b: right[p.b]!.file,
    distance: p.match.distance,
    transform: p.match.transform,
    method: p.match.method,
    via: p.match.via,
  }));
  if (flags.json) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  } else {
    for (const r of rows) process.stdout.write(`${r.a}\t${r.b}\t${r.distance}\t${r.transform}\t${r.method}\n`);
  }
  const skipped = lowQuality.length ? `; ${lowQuality.length} low-detail photo(s) (quality < ${params.minQuality}) not matched` : '';
  process.stderr.write(`${rows.length} matching pair(s) among ${new Set([...left, ...right]).size} photo(s)${skipped}\n`);
}
