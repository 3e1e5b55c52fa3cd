// `trollmap photos hash` and `trollmap photos match`: PDQ hashes for sharing with platforms, and standalone
// matching of photo folders (mirrored, cropped, recompressed copies).
// This file only declares the commands; photos-action.ts does the work and is imported when one runs.
import type { Command } from 'commander';
import { DEFAULT_MATCH_PARAMS } from '../../core/photo/compare-photos.ts';
import { parsePositiveInt } from '../options.ts';
import type { MatchFlags } from './photos-action.ts';
import { registerGallery } from './photos-gallery.ts';

export function registerPhotos(program: Command): void {
  const photos = program.command('photos').description('perceptual hashes (PDQ) and matching of profile photos');
  photos
    .command('hash')
    .description("print each image's PDQ hash (hex, as Meta's tools print it) and quality (0-100)")
    .argument('<files...>', 'JPEG, PNG, WebP or GIF files')
    .option('--json', 'a JSON array of { file, pdq, quality }')
    .action(async (files: string[], flags: { json?: boolean }) => {
      const { hashCommand } = await import('./photos-action.ts');
      await hashCommand(files, flags);
    });
  photos
    .command('match')
    .description('find the same photo (mirrored, cropped, recompressed …) within a folder, or between two folders')
    .argument('<dir>', 'folder of images (searched recursively)')
    .argument('[dir2]', 'second folder: match only pairs across the two')
    .option('--json', 'a JSON array of { a, b, distance, transform, method, via }')
    .option('--threshold <bits>', 'PDQ match distance (Meta suggests 31)', parsePositiveInt('--threshold'), DEFAULT_MATCH_PARAMS.pdqThreshold)
    .option('--crop-threshold <bits>', 'crop-ladder match distance', parsePositiveInt('--crop-threshold'), DEFAULT_MATCH_PARAMS.cropThreshold)
    .option('--min-quality <q>', 'ignore photos with PDQ quality below this (flat images)', parsePositiveInt('--min-quality'), DEFAULT_MATCH_PARAMS.minQuality)
    .action(async (dir: string, dir2: string | undefined, flags: MatchFlags) => {
      const { matchCommand } = await import('./photos-action.ts');
      await matchCommand(dir, dir2, flags);
    });
  registerGallery(photos);
}
