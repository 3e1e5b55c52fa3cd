// The scan behind a columnar read of the actions table. better-sqlite3 charges about 1 µs per row it returns and
// 0.2 µs per value in it (and SQLite's own scan of a million rows about 0.15 s), so a row-by-row read packs what
// it can: kind, precision, platform, which of target/shared is set and seq share one integer; target and shared one
// value; the lists one (JSON, only when a row has any). A read of most of the table goes further: each query returns
// a chunk of rows as one JSON array per column (rowid ranges, no index), which JSON.parse splits natively; ids come
// joined by U+001F instead, and kind, precision and platform as one string (see `chunkValues`). On the 1,032,530
// simulated actions of bench/detect.bench.ts this read (readRows) took 5.2–5.4 CPU-s against 8.9–9.9 for one value
// per column per row (2026-11-29, machine loaded 3–4 on 2 cores, before the one-string codes).
import type Database from 'better-sqlite3';
import { ACTION_KINDS, TIME_PRECISIONS, type ActionKind, type TimePrecision } from '../../core/model.ts';
import { buildColumns, ColumnsBuilder, type ColumnRow } from '../columns-builder.ts';
import type { ActionColumns } from '../store.ts';
import type { OptionalColumn } from './column-snapshot.ts';

type Db = Database.Database;

/** Rowids per chunk query (1,024–4,096 cost about the same on 1M rows; larger chunks only hold more memory). */
const CHUNK = 2048;

/** One packed row: id, account, codes (see `packedSql`), time, target or shared, text, lists. */
type PackedRow = [id: string, account: string, packed: number, timeMs: number, targetOrShared: string | null, text: string | null, lists: string | null];

/** What a scan reads: the filter's row count, the platforms, the table's rowid range and the path it takes. */
export interface ScanPlan {
  count: number;
  platforms: string[];
  lo: number;
  hi: number;
  /** Codes packed into one integer per row (else the plain scan). */
  packed: boolean;
  /** Chunks of `chunk` rowids (else the filter's index, row by row). */
  chunked: boolean;
  chunk: number;
}

/**
 * The plan of a scan of the filtered rows (`where`/`params` from filterSql); call inside a read transaction.
 * `count`: the filtered row count when the caller knows it in this transaction (else counted here, one more scan).
 */
export function planScan(db: Db, where: string, params: unknown[], chunk = CHUNK, count = countRows(db, where, params)): ScanPlan {
  const platforms = (db.prepare(PLATFORMS).raw().all() as [string][]).map((r) => r[0]);
  // One subquery per bound: each is an index probe, where min and max in one SELECT scan the whole table. seq is the
  // rowid (INTEGER PRIMARY KEY), so its largest value is `hi`.
  const range = db.prepare('SELECT coalesce((SELECT min(rowid) FROM actions), 0) AS lo, coalesce((SELECT max(rowid) FROM actions), -1) AS hi').get() as {
    lo: number;
    hi: number;
  };
  const maxSeq = Math.max(range.hi, 0);
  // The packed integer (seq · 2^16 + codes) must stay exact in a double; platform codes fit one byte.
  const packed = platforms.length <= 255 && maxSeq < 2 ** 36 && range.lo >= 0;
  // A selective filter (a few days of a long collection) is better served by the time index than a whole scan.
  const chunked = where === '' || count * 4 >= range.hi - range.lo + 1;
  return { count, platforms, lo: range.lo, hi: range.hi, packed, chunked, chunk };
}

const countRows = (db: Db, where: string, params: unknown[]): number =>
  (db.prepare(`SELECT count(*) AS n FROM actions ${where}`).get(...params) as { n: number }).n;

/** How many rowid chunks a chunked plan reads. */
export const chunkCount = (plan: ScanPlan): number => Math.max(0, Math.ceil((plan.hi - plan.lo + 1) / plan.chunk));

/** The filtered rows (`where`/`params` from filterSql) as columns; call inside a read transaction. */
export function scanRows(db: Db, where: string, params: unknown[], omit: readonly OptionalColumn[], plan = planScan(db, where, params)): ActionColumns {
  if (!plan.packed) return plainScan(db, where, params, plan.count, omit);
  if (!plan.chunked) {
    const b = builderFor(plan, true);
    const it = db.prepare(`SELECT id, account, ${packedValues(plan, omit).join(', ')} FROM actions ${where}`).raw()
      .iterate(...platformParams(plan), ...params);
    for (const r of it as IterableIterator<PackedRow>) add(b, r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
    return b.build();
  }
  let next = 0;
  const n = chunkCount(plan);
  return scanChunks(db, plan, where, params, omit, () => (next < n ? next++ : -1), true);
}

/**
 * The filtered rows of the rowid chunks that `claim` hands out (chunk k: rowids from lo + k · chunk; −1: no more),
 * as columns. `all`: every chunk of the plan will be claimed here (else the rows are some of `plan.count`, and the
 * columns hold as many as were read). Call inside a read transaction.
 */
export function scanChunks(
  db: Db, plan: ScanPlan, where: string, params: unknown[], omit: readonly OptionalColumn[], claim: () => number, all: boolean,
): ActionColumns {
  const b = builderFor(plan, all);
  const inChunk = `FROM actions NOT INDEXED WHERE rowid >= ? AND rowid < ? ${where === '' ? '' : `AND ${where.slice('WHERE '.length)}`}`;
  // Ids come joined by U+001F and split: JSON.parse interns short strings, which costs ~0.8 s for a million unique
  // ids, while accounts and targets repeat (interned once, then hashed for free). A chunk where an id holds a U+001F
  // reads its ids as JSON instead.
  const chunk = db
    .prepare(`SELECT group_concat(id, char(31)), max(instr(id, char(31))), ${chunkValues(omit).map((v) => `json_group_array(${v})`).join(', ')} ${inChunk}`)
    .raw();
  const idsAsJson = db.prepare(`SELECT json_group_array(id) ${inChunk}`).pluck();
  const codes = new ComboCodes(plan.platforms);
  for (let k = claim(); k >= 0; k = claim()) {
    const lo = plan.lo + k * plan.chunk;
    const bind = [lo, lo + plan.chunk, ...params];
    const [joined, separatorInId, ...json] = chunk.get(...bind) as [string | null, number | null, ...string[]];
    const columns = json.map((j) => JSON.parse(j) as unknown[]) as Chunk[1];
    if (columns[0].length === 0) continue;
    const ids = separatorInId ? (JSON.parse(idsAsJson.get(...bind) as string) as string[]) : joined!.split('\u001f');
    if (ids.length !== columns[0].length) throw new Error(`chunk at rowid ${lo}: ${ids.length} ids for ${columns[0].length} rows`);
    addChunk(b, codes, ids, columns);
  }
  return b.build();
}

/**
 * The values of a chunk after its ids, each read as one JSON array (see `Chunk`). Kind, precision and platform come
 * as one string: mapping them to codes in SQL (CASE over the names, packed with seq) cost SQLite more than all the
 * row's other values; the few distinct strings are interned by JSON.parse and mapped once each here.
 */
function chunkValues(omit: readonly OptionalColumn[]): string[] {
  return [
    'account', `kind || char(31) || time_precision || char(31) || platform`, 'time_ms', 'seq', 'target', 'shared',
    omit.includes('text') ? 'NULL' : 'text', listsSql(omit),
  ];
}

/** One chunk's ids and its other columns as parsed from SQLite's JSON arrays (`chunkValues`). */
type Chunk = [ids: string[], columns: [
  accounts: string[], combos: string[], times: number[], seqs: number[], targets: (string | null)[], shareds: (string | null)[],
  texts: (string | null)[], lists: (Json<(string | null)[]> | null)[],
]];

/** Adds one chunk's rows to the builder. */
function addChunk(b: ColumnsBuilder, codes: ComboCodes, ids: string[], [accounts, combos, times, seqs, targets, shareds, texts, lists]: Chunk[1]): void {
  for (let j = 0; j < ids.length; j++) {
    const c = codes.of(combos[j]!);
    const ls = lists[j] === null ? undefined : parsed(lists[j]!);
    b.add(
      c >>> 8, ids[j]!, accounts[j]!, c & 7, times[j]!, (c >>> 3) & 7, targets[j]!, shareds[j]!, texts[j] ?? '',
      ls ? ls[0]! : null, ls ? ls[1]! : null, ls ? ls[2]! : null, seqs[j]!,
    );
  }
}

/** Kind, precision and platform strings (`kind␟precision␟platform`) as kind + 8 · precision + 256 · platform code. */
class ComboCodes {
  private readonly codes = new Map<string, number>();
  constructor(private readonly platforms: readonly string[]) {}
  of(combo: string): number {
    let code = this.codes.get(combo);
    if (code === undefined) {
      // Kinds and precisions are names without U+001F; the platform is the rest.
      const a = combo.indexOf('\u001f');
      const z = combo.indexOf('\u001f', a + 1);
      const pc = this.platforms.indexOf(combo.slice(z + 1));
      if (pc < 0) throw new Error('a platform appeared during the read');
      code = Math.max(0, ACTION_KINDS.indexOf(combo.slice(0, a) as ActionKind)) + 8 * Math.max(0, TIME_PRECISIONS.indexOf(combo.slice(a + 1, z) as TimePrecision)) + 256 * pc;
      this.codes.set(combo, code);
    }
    return code;
  }
}

/** A builder for the plan's rows (`exact`: all `plan.count` of them, else at most that many) with its platform codes. */
function builderFor(plan: ScanPlan, exact: boolean): ColumnsBuilder {
  const b = new ColumnsBuilder(plan.count, exact);
  for (const p of plan.platforms) b.platformCode(p);
  return b;
}

/** The packed values after id and account (see `PackedRow`). */
function packedValues(plan: ScanPlan, omit: readonly OptionalColumn[]): string[] {
  return [packedSql(plan.platforms), 'time_ms', TARGET_OR_SHARED, omit.includes('text') ? 'NULL' : 'text', listsSql(omit)];
}

/** The (platform, code) pairs `packedSql` binds. */
const platformParams = (plan: ScanPlan): unknown[] => plan.platforms.flatMap((p, i) => [p, i]);

/** JSON of SQLite's json_array: text from a row, already parsed inside a chunk's array (SQLite nests JSON values). */
type Json<T> = string | T;
const parsed = <T>(v: Json<T>): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** Unpacks one row into the builder. */
function add(
  b: ColumnsBuilder, id: string, account: string, packed: number, time: number, ts: Json<[string, string]> | null, text: string | null,
  lists: Json<(string | null)[]> | null,
): void {
  const seq = Math.floor(packed / 65536);
  const codes = packed - seq * 65536;
  const pc = codes >>> 8;
  if (pc === 255) throw new Error('a platform appeared during the read');
  const which = (codes >>> 6) & 3;
  const both = which === 3 ? parsed(ts!) : undefined;
  const one = which === 1 || which === 2 ? (ts as string) : null;
  const ls = lists === null ? undefined : parsed(lists);
  b.add(
    pc, id, account, codes & 7, time, (codes >>> 3) & 7,
    which === 1 ? one : both ? both[0] : null, which === 2 ? one : both ? both[1] : null, text ?? '',
    ls ? ls[0]! : null, ls ? ls[1]! : null, ls ? ls[2]! : null, seq,
  );
}

/** kind + 8 · precision + 64 · (target set + 2 · shared set) + 256 · platform code + 65536 · seq (binds platform, code pairs). */
function packedSql(platforms: readonly string[]): string {
  return `${indexSql('kind', ACTION_KINDS)} + 8 * ${indexSql('time_precision', TIME_PRECISIONS)}
    + 64 * ((target IS NOT NULL) + 2 * (shared IS NOT NULL))
    + 256 * (CASE platform ${platforms.map(() => 'WHEN ? THEN ?').join(' ')} ELSE 255 END) + 65536 * seq`;
}

/** Target or shared, whichever is set; both as a JSON pair (the packed flags tell which). */
const TARGET_OR_SHARED = 'CASE WHEN shared IS NULL THEN target WHEN target IS NULL THEN shared ELSE json_array(target, shared) END';

/** [urls, hashtags, media] as JSON, NULL when the row has none of those read. */
function listsSql(omit: readonly OptionalColumn[]): string {
  const all = ['urls', 'hashtags', 'media'] as const;
  const read = all.filter((c) => !omit.includes(c));
  if (read.length === 0) return 'NULL';
  return `CASE WHEN ${read.map((c) => `${c} IS NULL`).join(' AND ')} THEN NULL ELSE json_array(${all.map((c) => (read.includes(c) ? c : 'NULL')).join(', ')}) END`;
}

/** The distinct platform names, one index probe each (a loose scan of the (platform, id) key). */
const PLATFORMS = `WITH RECURSIVE p(v) AS (
  SELECT min(platform) FROM actions UNION ALL SELECT (SELECT min(platform) FROM actions WHERE platform > p.v) FROM p WHERE p.v IS NOT NULL
) SELECT v FROM p WHERE v IS NOT NULL`;

/** The plain scan (every value as stored), for more platforms than one byte codes or seqs too large to pack. */
function plainScan(db: Db, where: string, params: unknown[], count: number, omit: readonly OptionalColumn[]): ActionColumns {
  const col = (c: OptionalColumn): string => (omit.includes(c) ? 'NULL' : c);
  const rows = db
    .prepare(
      `SELECT platform, id, account, ${indexSql('kind', ACTION_KINDS)}, time_ms, ${indexSql('time_precision', TIME_PRECISIONS)},
         target, shared, ${col('text')}, ${col('urls')}, ${col('hashtags')}, ${col('media')}, seq
       FROM actions ${where}`,
    )
    .raw()
    .iterate(...params) as IterableIterator<ColumnRow>;
  return buildColumns(rows, count);
}

/** The column's index in `names` computed by SQLite (no string per row for JavaScript to hash); 0 if unknown. */
function indexSql(column: string, names: readonly string[]): string {
  return `(CASE ${column} ${names.map((n, i) => `WHEN '${n}' THEN ${i}`).join(' ')} ELSE 0 END)`;
}
