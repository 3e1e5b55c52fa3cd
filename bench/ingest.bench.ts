// Imports the full IRA Russian-language file (../shared/data/ira/ira_russian_language.csv.gz, 581,683 rows;
// FiveThirtyEight / Linvill & Warren, CC BY 4.0) into a fresh SQLite file, as `trollmap import` does.
// Target (issue 2): ≥ 150k rows/s and < 1 GB peak RSS on this 2-core machine. Also measures the reading side
// alone (a store session that discards), to separate parsing from SQLite writes. Both read in a worker thread
// (the file is above WORKER_MIN_BYTES), as the CLI does.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../src/ingest/import-file.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { ImportSession, Store } from '../src/store/store.ts';

const IRA = fileURLToPath(new URL('../../shared/data/ira/ira_russian_language.csv.gz', import.meta.url));
const options = { map: {}, now: () => Date.now(), clock: () => performance.now() };

// A store whose session counts and discards: the import pipeline's own cost.
const discard: Pick<Store, 'findBatch' | 'beginImport'> = {
  findBatch: async () => undefined,
  beginImport: async (): Promise<ImportSession> => ({
    putAccounts: async () => {},
    putActions: async (a) => a.length,
    putActionBlock: async (b) => b.rows,
    putPhotos: async (p) => p.length,
    commit: async (b) => ({ ...b, id: 1 }),
    rollback: async () => {},
  }),
};

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(IRA)) return { skipped: 'needs ../shared/data/ira/ira_russian_language.csv.gz (absent)' };
  const load = loadavg()[0];
  let t = performance.now();
  let cpu = process.cpuUsage();
  const read = await importFile(discard as Store, IRA, 'ira_russian_language.csv.gz', options);
  const readSeconds = (performance.now() - t) / 1000;
  const readCpu = process.cpuUsage(cpu);

  const dir = mkdtempSync(join(tmpdir(), 'trollmap-bench-ingest-'));
  try {
    const store = await openSqliteStore(join(dir, 'bench.db'));
    t = performance.now();
    cpu = process.cpuUsage();
    const r = await importFile(store, IRA, 'ira_russian_language.csv.gz', options);
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    await store.close();
    // Closing checkpoints the WAL into the database file: part of what `trollmap import` waits for.
    const withClose = (performance.now() - t) / 1000;
    return {
      file: 'ira_russian_language.csv.gz',
      rows: r.rows,
      actionsAdded: r.actionsAdded,
      duplicates: r.duplicates,
      accounts: r.accountsAdded,
      badRows: r.badRows,
      seconds: +seconds.toFixed(2),
      rowsPerSecond: Math.round(r.rows / seconds),
      secondsWithClose: +withClose.toFixed(2),
      cpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
      readOnlySeconds: +readSeconds.toFixed(2),
      readOnlyRowsPerSecond: Math.round(read.rows / readSeconds),
      readOnlyCpuSeconds: +((readCpu.user + readCpu.system) / 1e6).toFixed(2),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverageAtStart: +(load ?? 0).toFixed(2),
      targets: { rowsPerSecond: 150_000, peakRssMB: 1024 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
