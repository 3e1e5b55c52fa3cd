// `trollmap photos add-gallery DIR --label …` stores hashes of known photos (for example the real people whose
// photos were stolen); `trollmap photos gallery-matches` lists account photos that show one of them.
// This file only declares the commands; photos-gallery-action.ts does the work and is imported when one runs.
import type { Command } from 'commander';

/** Adds `add-gallery` and `gallery-matches` to the `photos` command. */
export function registerGallery(photos: Command): void {
  photos
    .command('add-gallery')
    .description('store hashes of known photos (e.g. real people whose photos get stolen); later imports are matched against them')
    .argument('<dir>', 'folder of images (searched recursively)')
    .requiredOption('--label <text>', 'what these photos are, shown with every match')
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .action(async (dir: string, flags: { label: string; db?: string }) => {
      const { addGallery } = await import('./photos-gallery-action.ts');
      await addGallery(dir, flags);
    });
  photos
    .command('gallery-matches')
    .description('list stored account photos that show a gallery photo (any transform)')
    .option('--json', 'a JSON array of { account, photo, gallery, galleryPhoto, transform, method, distance }')
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .action(async (flags: { json?: boolean; db?: string }) => {
      const { galleryMatchesCommand } = await import('./photos-gallery-action.ts');
      await galleryMatchesCommand(flags);
    });
}
