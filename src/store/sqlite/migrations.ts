// Schema migrations, applied in order inside one transaction each; `schema_version` holds how many ran.
// Plain SQL that PostgreSQL accepts too (BIGINT for ms times, TEXT for ids), so both stores share one schema shape.

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE batches (
     id INTEGER PRIMARY KEY,
     source TEXT NOT NULL,
     format TEXT NOT NULL,
     sha256 TEXT NOT NULL UNIQUE,
     rows_read INTEGER NOT NULL,
     actions_added INTEGER NOT NULL,
     actions_duplicate INTEGER NOT NULL,
     accounts_added INTEGER NOT NULL,
     bad_rows INTEGER NOT NULL,
     issues TEXT NOT NULL,
     imported_at BIGINT NOT NULL
   );
   CREATE TABLE accounts (
     platform TEXT NOT NULL,
     id TEXT NOT NULL,
     handle TEXT, name TEXT,
     created_at BIGINT, created_precision TEXT,
     bio TEXT, avatar TEXT,
     followers BIGINT, following BIGINT,
     url TEXT, location TEXT, lang TEXT,
     PRIMARY KEY (platform, id)
   );
   CREATE TABLE actions (
     seq INTEGER PRIMARY KEY,
     platform TEXT NOT NULL,
     id TEXT NOT NULL,
     account TEXT NOT NULL,
     kind TEXT NOT NULL,
     time_ms BIGINT NOT NULL,
     time_precision TEXT NOT NULL,
     target TEXT, shared TEXT, text TEXT,
     urls TEXT, hashtags TEXT, mentions TEXT, media TEXT,
     lang TEXT, raw TEXT,
     batch_id INTEGER NOT NULL,
     UNIQUE (platform, id)
   );
   CREATE INDEX actions_time ON actions (time_ms);`,
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY,
     created_at BIGINT NOT NULL,
     version TEXT NOT NULL,
     params TEXT NOT NULL,
     input_hash TEXT NOT NULL,
     actions_read INTEGER NOT NULL,
     warnings TEXT NOT NULL,
     capped_keys TEXT NOT NULL
   );
   CREATE TABLE run_networks (
     run_id INTEGER NOT NULL, id INTEGER NOT NULL, score REAL NOT NULL, body TEXT NOT NULL,
     PRIMARY KEY (run_id, id)
   );
   CREATE TABLE run_accounts (
     run_id INTEGER NOT NULL, account TEXT NOT NULL, score REAL NOT NULL, network INTEGER NOT NULL, body TEXT NOT NULL,
     PRIMARY KEY (run_id, account)
   );
   CREATE TABLE run_edges (
     run_id INTEGER NOT NULL, seq INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, layer TEXT NOT NULL,
     pairs INTEGER NOT NULL, weight REAL NOT NULL, p REAL, body TEXT NOT NULL,
     PRIMARY KEY (run_id, seq)
   );
   CREATE INDEX run_edges_a ON run_edges (run_id, a);
   CREATE INDEX run_edges_b ON run_edges (run_id, b);`,
  // Photos (avatars, posted images, gallery references) with their fingerprints. BYTEA: SQLite keeps a blob as a
  // blob under any declared type, and PostgreSQL needs this name.
  `CREATE TABLE photos (
     id INTEGER PRIMARY KEY,
     platform TEXT,
     account TEXT,
     source TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     pdq TEXT NOT NULL,
     quality INTEGER NOT NULL,
     width INTEGER NOT NULL,
     height INTEGER NOT NULL,
     fingerprint BYTEA NOT NULL,
     batch_id INTEGER,
     gallery TEXT
   );
   CREATE INDEX photos_sha256 ON photos (sha256);
   CREATE INDEX photos_account ON photos (platform, account);`,
  // The (platform, id) key of actions as a named index instead of a table constraint, so an import into an empty
  // table can drop it, append in input order and build it once at the end (a sort instead of 571k random B-tree
  // inserts). Same columns, same seq values.
  `CREATE TABLE actions_v4 (
     seq INTEGER PRIMARY KEY,
     platform TEXT NOT NULL,
     id TEXT NOT NULL,
     account TEXT NOT NULL,
     kind TEXT NOT NULL,
     time_ms BIGINT NOT NULL,
     time_precision TEXT NOT NULL,
     target TEXT, shared TEXT, text TEXT,
     urls TEXT, hashtags TEXT, mentions TEXT, media TEXT,
     lang TEXT, raw TEXT,
     batch_id INTEGER NOT NULL
   );
   INSERT INTO actions_v4 (seq, platform, id, account, kind, time_ms, time_precision, target, shared, text,
     urls, hashtags, mentions, media, lang, raw, batch_id)
   SELECT seq, platform, id, account, kind, time_ms, time_precision, target, shared, text,
     urls, hashtags, mentions, media, lang, raw, batch_id FROM actions ORDER BY seq;
   DROP TABLE actions;
   ALTER TABLE actions_v4 RENAME TO actions;
   CREATE UNIQUE INDEX actions_key ON actions (platform, id);
   CREATE INDEX actions_time ON actions (time_ms);`,
  // Columnar snapshots of a detect read (src/store/sqlite/column-snapshot.ts): the built columns of one filter as
  // blobs, valid while the actions table has the fingerprint stored with them; one row per column chunk.
  `CREATE TABLE column_snapshots (
     filter_key TEXT NOT NULL,
     name TEXT NOT NULL,
     chunk INTEGER NOT NULL,
     fingerprint TEXT NOT NULL,
     digest TEXT NOT NULL,
     body BYTEA NOT NULL,
     PRIMARY KEY (filter_key, name, chunk)
   );`,
];
