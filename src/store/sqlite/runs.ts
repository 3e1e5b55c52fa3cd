// Detection runs in SQLite: a row per run, per network, per account and per edge; bodies as JSON.
import type Database from 'better-sqlite3';
import type { AccountFinding, DetectionRun, NetworkFinding, RunEdge } from '../../core/run.ts';

interface RunRow {
  id: number;
  created_at: number;
  version: string;
  params: string;
  input_hash: string;
  actions_read: number;
  warnings: string;
  capped_keys: string;
}

export function saveRun(db: Database.Database, run: DetectionRun): number {
  return db.transaction((): number => {
    const info = db
      .prepare(
        `INSERT INTO runs (created_at, version, params, input_hash, actions_read, warnings, capped_keys)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.createdAt, run.version, JSON.stringify(run.params), run.inputHash, run.actionsRead,
        JSON.stringify(run.warnings), JSON.stringify(run.cappedKeys),
      );
    const id = Number(info.lastInsertRowid);
    const nets = new RowBatcher(db, 'run_networks (run_id, id, score, body)', 4);
    for (const n of run.networks) nets.add(id, n.id, n.score, JSON.stringify(n));
    nets.flush();
    const accs = new RowBatcher(db, 'run_accounts (run_id, account, score, network, body)', 5);
    for (const a of run.accounts) accs.add(id, a.account, a.score, a.network, JSON.stringify(a));
    accs.flush();
    const edges = new RowBatcher(db, 'run_edges (run_id, seq, a, b, layer, pairs, weight, p, body)', 9);
    run.edges.forEach((e, i) => edges.add(id, i, e.a, e.b, e.layer, e.pairs, e.weight, e.p ?? null, JSON.stringify(e)));
    edges.flush();
    return id;
  }).immediate();
}

/**
 * Rows inserted in order, BATCH_ROWS per statement (one multi-row INSERT instead of that many calls; the rows and
 * their rowids are those of one INSERT per row), the rest one by one.
 */
class RowBatcher {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly values: unknown[] = [];

  constructor(db: Database.Database, target: string, private readonly width: number) {
    const row = `(${Array<string>(width).fill('?').join(', ')})`;
    this.many = db.prepare(`INSERT INTO ${target} VALUES ${Array<string>(BATCH_ROWS).fill(row).join(', ')}`);
    this.one = db.prepare(`INSERT INTO ${target} VALUES ${row}`);
  }

  add(...row: unknown[]): void {
    for (const v of row) this.values.push(v);
    if (this.values.length === BATCH_ROWS * this.width) {
      this.many.run(this.values);
      this.values.length = 0;
    }
  }

  flush(): void {
    for (let i = 0; i < this.values.length; i += this.width) this.one.run(this.values.slice(i, i + this.width));
    this.values.length = 0;
  }
}

const BATCH_ROWS = 64;

function latestId(db: Database.Database): number | undefined {
  return (db.prepare('SELECT max(id) AS id FROM runs').get() as { id: number | null }).id ?? undefined;
}

export function getRun(db: Database.Database, id?: number): DetectionRun | undefined {
  const runId = id ?? latestId(db);
  if (runId === undefined) return undefined;
  const r = db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as RunRow | undefined;
  if (!r) return undefined;
  const bodies = <T>(sql: string): T[] =>
    (db.prepare(sql).raw().all(runId) as [string][]).map((row) => JSON.parse(row[0]) as T);
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    params: JSON.parse(r.params) as DetectionRun['params'],
    inputHash: r.input_hash,
    actionsRead: r.actions_read,
    warnings: JSON.parse(r.warnings) as string[],
    cappedKeys: JSON.parse(r.capped_keys) as DetectionRun['cappedKeys'],
    edges: bodies<RunEdge>('SELECT body FROM run_edges WHERE run_id = ? ORDER BY seq'),
    networks: bodies<NetworkFinding>('SELECT body FROM run_networks WHERE run_id = ? ORDER BY id'),
    accounts: bodies<AccountFinding>('SELECT body FROM run_accounts WHERE run_id = ? ORDER BY score DESC, account'),
  };
}

export function getAccountFinding(db: Database.Database, account: string, id?: number): AccountFinding | undefined {
  const runId = id ?? latestId(db);
  if (runId === undefined) return undefined;
  const r = db.prepare('SELECT body FROM run_accounts WHERE run_id = ? AND account = ?').get(runId, account) as
    | { body: string }
    | undefined;
  return r && (JSON.parse(r.body) as AccountFinding);
}

/**
 * The edges of a run that touch one account, in stored order (the latest run when no id is given); undefined when
 * there is no such run. Reads only those rows, through the (run_id, a) and (run_id, b) indexes.
 */
export function getAccountEdges(db: Database.Database, account: string, id?: number): { run: number; edges: RunEdge[] } | undefined {
  const runId = id ?? latestId(db);
  if (runId === undefined || db.prepare('SELECT 1 FROM runs WHERE id = ?').get(runId) === undefined) return undefined;
  const rows = db
    .prepare(
      `SELECT seq, body FROM run_edges WHERE run_id = @run AND a = @account
       UNION ALL SELECT seq, body FROM run_edges WHERE run_id = @run AND b = @account AND a <> @account`,
    )
    .raw()
    .all({ run: runId, account }) as [number, string][];
  // Sorted here: an ORDER BY seq makes SQLite walk the whole run by its primary key instead of the two indexes.
  return { run: runId, edges: rows.sort((x, y) => x[0] - y[0]).map((r) => JSON.parse(r[1]) as RunEdge) };
}
