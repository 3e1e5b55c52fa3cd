// Settings of the connections that read many rows: the store's own and the scan helper's.
import type Database from 'better-sqlite3';

/**
 * Bytes of the file SQLite reads through a memory map instead of a read() per page (SQLite clamps it to its build's
 * limit, 2 GiB by default; the rest of a larger file is read as before). A first read of the detect bench's
 * 1,032,530 actions on two threads, alternated with the same code without it: 7.35–7.72 s against 7.75–8.13 s, store
 * read 3.42–3.65 s against 3.64–4.30 s (four pairs; docs/tuning.md, "Ninth session"). The mapped pages are the
 * operating system's file cache, shared and reclaimable, but they count in the process's resident memory: a warm
 * run's peak RSS rose by about 100–150 MB. SQLite's caveat: an I/O error on a mapped page (a failing disk, the file
 * truncated by another program) ends the process with a signal instead of an error.
 */
export const MMAP_BYTES = 2 ** 31 - 2 ** 16;

/** The page cache (128 MiB) and memory map of a reading connection. */
export function tuneForReads(db: Database.Database): void {
  db.pragma('cache_size = -131072');
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
}
