// What the IRA import costs at least, part by part, whatever the JavaScript around it does: gunzip of the file,
// the SQLite insert of its 571,344 actions as JSONB blocks into an empty table (no indexes), and building the two
// indexes afterwards. With the JavaScript parse and map on top, these set the floor of `trollmap import` on this
// machine (issue 2's 150k rows/s is 3.9 s for the file's 581,683 rows, about 7.8 CPU-s on two cores).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Action } from '../src/core/model.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { ACTION_ROW, ActionBlockWriter } from '../src/store/action-block.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';

const IRA = fileURLToPath(new URL('../../shared/data/ira/ira_russian_language.csv.gz', import.meta.url));

function timed<T>(f: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = f();
  const u = process.cpuUsage(c);
  return { value, seconds: +((performance.now() - t) / 1000).toFixed(2), cpuSeconds: +((u.user + u.system) / 1e6).toFixed(2) };
}

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(IRA)) return { skipped: 'needs ../shared/data/ira/ira_russian_language.csv.gz (absent)' };
  const load = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'trollmap-bench-floor-'));
  try {
    const gunzip = timed(() => gunzipSync(readFileSync(IRA)).length);
    // The actions exactly as an import stores them, read back as Action values.
    const source = join(dir, 'source.db');
    const store = await openSqliteStore(source);
    await importFile(store, IRA, 'ira.csv.gz', { map: {}, now: () => 0, clock: () => 0 });
    await store.close();
    const db = new Database(source, { readonly: true });
    const split = (s: string | null): string[] => (s ? s.split('\n') : []);
    const rows = db.prepare(`SELECT ${ACTION_ROW.join(', ')} FROM actions ORDER BY seq`).raw().all() as (string | number | null)[][];
    db.close();
    const actions = rows.map((r): Action => {
      const a: Action = {
        platform: r[0] as string, id: r[1] as string, account: r[2] as string, kind: r[3] as Action['kind'], time: r[4] as number,
        precision: r[5] as Action['precision'], urls: split(r[9] as string | null), hashtags: split(r[10] as string | null),
        mentions: split(r[11] as string | null), media: split(r[12] as string | null),
      };
      if (r[6] !== null) a.target = r[6] as string;
      if (r[7] !== null) a.shared = r[7] as string;
      if (r[8] !== null) a.text = r[8] as string;
      if (r[13] !== null) a.lang = r[13] as string;
      if (r[14] !== null) a.raw = JSON.parse(r[14] as string) as Record<string, unknown>;
      return a;
    });
    const encode = timed(() => {
      const blocks: Buffer[] = [];
      const w = new ActionBlockWriter();
      for (const a of actions) {
        w.add(a);
        if (w.rows === 4096) blocks.push(Buffer.from(w.take().bytes));
      }
      blocks.push(Buffer.from(w.take().bytes));
      return blocks;
    });
    const target = new Database(join(dir, 'target.db'));
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = NORMAL');
    target.pragma('cache_size = -131072');
    target.exec(`CREATE TABLE actions (seq INTEGER PRIMARY KEY, platform TEXT NOT NULL, id TEXT NOT NULL, account TEXT NOT NULL,
      kind TEXT NOT NULL, time_ms BIGINT NOT NULL, time_precision TEXT NOT NULL, target TEXT, shared TEXT, text TEXT,
      urls TEXT, hashtags TEXT, mentions TEXT, media TEXT, lang TEXT, raw TEXT, batch_id INTEGER NOT NULL)`);
    target.exec('BEGIN');
    const insert = target.prepare(`INSERT INTO actions (${ACTION_ROW.join(', ')}, batch_id)
      SELECT ${ACTION_ROW.map((_, i) => `value ->> ${i}`).join(', ')}, 1 FROM jsonb_each(?)`);
    const inserted = timed(() => encode.value.reduce((n, b) => n + insert.run(b).changes, 0));
    const keyIndex = timed(() => target.exec('CREATE UNIQUE INDEX actions_key ON actions (platform, id)'));
    const timeIndex = timed(() => target.exec('CREATE INDEX actions_time ON actions (time_ms)'));
    const commit = timed(() => target.exec('COMMIT'));
    target.close();
    // The same rows through bound parameters (64 rows per statement) instead of JSONB blocks: does the block format
    // itself cost the insert anything?
    const bound = new Database(join(dir, 'bound.db'));
    bound.pragma('journal_mode = WAL');
    bound.pragma('synchronous = NORMAL');
    bound.pragma('cache_size = -131072');
    bound.exec(`CREATE TABLE actions (seq INTEGER PRIMARY KEY, ${ACTION_ROW.map((c) => `${c} ${c === 'time_ms' ? 'BIGINT' : 'TEXT'}`).join(', ')}, batch_id INTEGER NOT NULL)`);
    bound.exec('BEGIN');
    const PER = 64;
    const one = `(${ACTION_ROW.map(() => '?').join(', ')}, 1)`;
    const many = bound.prepare(`INSERT INTO actions (${ACTION_ROW.join(', ')}, batch_id) VALUES ${Array(PER).fill(one).join(', ')}`);
    const single = bound.prepare(`INSERT INTO actions (${ACTION_ROW.join(', ')}, batch_id) VALUES ${one}`);
    const boundInsert = timed(() => {
      const values: unknown[] = new Array(PER * ACTION_ROW.length);
      let i = 0;
      for (; i + PER <= rows.length; i += PER) {
        let k = 0;
        for (let j = i; j < i + PER; j++) for (const v of rows[j]!) values[k++] = v;
        many.run(values);
      }
      for (; i < rows.length; i++) single.run(rows[i]!);
      return rows.length;
    });
    bound.exec('COMMIT');
    bound.close();
    // Handing those values across threads instead of JSONB blocks: structured clone (v8.serialize is what postMessage
    // uses) of blocks of 4,096 rows, then the receiving side's deserialize.
    const cloned = timed(() => {
      const out: Buffer[] = [];
      for (let i = 0; i < rows.length; i += 4096) {
        const flat: unknown[] = [];
        for (let j = i; j < Math.min(rows.length, i + 4096); j++) for (const v of rows[j]!) flat.push(v);
        out.push(serialize(flat));
      }
      return out;
    });
    const uncloned = timed(() => cloned.value.reduce((n, b) => n + (deserialize(b) as unknown[]).length, 0));
    const floorCpu = gunzip.cpuSeconds + inserted.cpuSeconds + keyIndex.cpuSeconds + timeIndex.cpuSeconds + commit.cpuSeconds;
    return {
      loadAverageAtStart: +load!.toFixed(2),
      rows: actions.length,
      gunzip: { seconds: gunzip.seconds, cpuSeconds: gunzip.cpuSeconds, bytes: gunzip.value },
      encodeBlocks: { seconds: encode.seconds, cpuSeconds: encode.cpuSeconds, blocks: encode.value.length },
      insertBlocks: { seconds: inserted.seconds, cpuSeconds: inserted.cpuSeconds, rows: inserted.value },
      insertBoundParameters: { seconds: boundInsert.seconds, cpuSeconds: boundInsert.cpuSeconds, rows: boundInsert.value },
      cloneRows: { cpuSeconds: cloned.cpuSeconds, bytes: cloned.value.reduce((n, b) => n + b.length, 0) },
      uncloneRows: { cpuSeconds: uncloned.cpuSeconds, values: uncloned.value },
      keyIndex: { seconds: keyIndex.seconds, cpuSeconds: keyIndex.cpuSeconds },
      timeIndex: { seconds: timeIndex.seconds, cpuSeconds: timeIndex.cpuSeconds },
      commit: { seconds: commit.seconds, cpuSeconds: commit.cpuSeconds },
      cFloorCpuSeconds: +floorCpu.toFixed(2),
      target: { rowsPerSecond: 150_000, seconds: +(581_683 / 150_000).toFixed(2) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
