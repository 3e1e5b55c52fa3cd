// Summary numbers for `trollmap stats`.
import type Database from 'better-sqlite3';
import type { StoreStats } from '../store.ts';

const DAY_MS = 86_400_000;

function isoDay(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

export function computeStats(db: Database.Database, top: number): StoreStats {
  const one = (sql: string): number => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  const grouped = (sql: string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const r of db.prepare(sql).all() as { k: string; n: number }[]) out[r.k] = r.n;
    return out;
  };
  const range = db.prepare('SELECT min(time_ms) AS first, max(time_ms) AS last FROM actions').get() as {
    first: number | null;
    last: number | null;
  };
  const byDay = (
    db.prepare(`SELECT (time_ms / ${DAY_MS}) AS d, count(*) AS n FROM actions GROUP BY d ORDER BY d`).all() as {
      d: number;
      n: number;
    }[]
  ).map((r) => ({ day: isoDay(Math.floor(r.d)), actions: r.n }));
  const topTargets = (
    db
      .prepare(
        `SELECT platform || ':' || target AS t, count(*) AS n FROM actions WHERE target IS NOT NULL
         GROUP BY platform, target ORDER BY n DESC, t LIMIT ?`,
      )
      .all(top) as { t: string; n: number }[]
  ).map((r) => ({ target: r.t, actions: r.n }));
  const urlCounts = new Map<string, number>();
  for (const r of db.prepare('SELECT urls FROM actions WHERE urls IS NOT NULL').raw().iterate()) {
    for (const u of String((r as [string])[0]).split('\n')) urlCounts.set(u, (urlCounts.get(u) ?? 0) + 1);
  }
  const topUrls = [...urlCounts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([url, actions]) => ({ url, actions }));
  const stats: StoreStats = {
    accounts: one('SELECT count(*) AS n FROM accounts'),
    actions: one('SELECT count(*) AS n FROM actions'),
    batches: one('SELECT count(*) AS n FROM batches'),
    byKind: grouped('SELECT kind AS k, count(*) AS n FROM actions GROUP BY kind ORDER BY kind'),
    byPlatform: grouped('SELECT platform AS k, count(*) AS n FROM actions GROUP BY platform ORDER BY platform'),
    byDay,
    topTargets,
    topUrls,
  };
  if (range.first !== null) stats.first = range.first;
  if (range.last !== null) stats.last = range.last;
  return stats;
}
