// Ordered migrations; the schema version is the list's length (PRAGMA user_version).
export const migrations: readonly string[] = [
  `
  CREATE TABLE raw (
    sha256 TEXT PRIMARY KEY,
    bytes BLOB NOT NULL,
    size INTEGER NOT NULL,
    first_seen TEXT NOT NULL
  );
  CREATE TABLE locations (
    locator TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES raw(sha256),
    kind TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('article', 'quarantined')),
    seen_at TEXT NOT NULL
  );
  CREATE TABLE outlets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    known INTEGER NOT NULL
  );
  CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    locator TEXT NOT NULL,
    raw_sha256 TEXT NOT NULL REFERENCES raw(sha256),
    format TEXT NOT NULL,
    kind TEXT NOT NULL,
    outlet_id TEXT NOT NULL REFERENCES outlets(id),
    outlet_name TEXT NOT NULL,
    via_outlet TEXT,
    via_url TEXT,
    title TEXT NOT NULL,
    url TEXT,
    canonical_url TEXT,
    published_at TEXT,
    date_source TEXT NOT NULL,
    author TEXT,
    section TEXT,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    images TEXT NOT NULL,
    blocks TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    minhash BLOB NOT NULL,
    shingle_count INTEGER NOT NULL,
    title_key TEXT NOT NULL,
    duplicate_of TEXT,
    duplicate_reason TEXT,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_outlet ON articles(outlet_id, published_at);
  CREATE INDEX articles_published ON articles(published_at);
  CREATE INDEX articles_text_hash ON articles(text_hash) WHERE duplicate_of IS NULL;
  CREATE INDEX articles_canonical_url ON articles(canonical_url) WHERE duplicate_of IS NULL;
  CREATE INDEX articles_title_key ON articles(title_key) WHERE duplicate_of IS NULL;
  CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
  CREATE TABLE lsh (
    key INTEGER NOT NULL,
    article_rowid INTEGER NOT NULL,
    PRIMARY KEY (key, article_rowid)
  ) WITHOUT ROWID;
  CREATE TABLE quarantine (
    locator TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES raw(sha256),
    code TEXT NOT NULL,
    stage TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
  );
  -- Folded text segmented by jieba, one token per word; 'extra' holds sub-words of long words.
  -- Contentless: the index alone (snippets are cut from articles.text), half the size to write.
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, extra, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
  `,
  // 2: article bodies (text, images, blocks) move to their own table, so that the rows which
  // dedupe reads for every candidate (ids, hashes, MinHash) are small and never spill onto
  // overflow pages; blocks are stored as lengths into the text instead of a second copy of it.
  `
  CREATE TABLE article_bodies (
    rowid INTEGER PRIMARY KEY REFERENCES articles(rowid),
    text TEXT NOT NULL,
    images TEXT NOT NULL,
    blocks TEXT NOT NULL
  );
  INSERT INTO article_bodies (rowid, text, images, blocks) SELECT rowid, text, images, blocks FROM articles;
  ALTER TABLE articles DROP COLUMN text;
  ALTER TABLE articles DROP COLUMN images;
  ALTER TABLE articles DROP COLUMN blocks;
  `,  // 3: the LSH table is written in sorted batches (lsh-index.ts); it is complete up to here.
  `
  CREATE TABLE lsh_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_upto INTEGER NOT NULL
  );
  INSERT INTO lsh_state (id, indexed_upto) SELECT 1, coalesce(max(rowid), 0) FROM articles;
  `,
  // 4: derived results (events and stories) cached with the version of the articles they were
  // computed from, so that reading them again does not recompute them.
  `
  CREATE TABLE derived_cache (
    key TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    body TEXT NOT NULL,
    at TEXT NOT NULL
  );
  `,
  // 5: copies by outlet, so that counting each outlet's originals (all its articles, from
  // articles_outlet, less its copies) reads two indexes and no article rows.
  `
  CREATE INDEX articles_copies_outlet ON articles(outlet_id) WHERE duplicate_of IS NOT NULL;
  `,
  // 6: the full-text index is split into shards by rowid (fts-shards.ts); the existing index
  // is the first and holds every article already written.
  `
  CREATE TABLE fts_shards (
    name TEXT PRIMARY KEY,
    first_rowid INTEGER NOT NULL UNIQUE
  );
  INSERT INTO fts_shards (name, first_rowid) VALUES ('articles_fts', 0);
  `,
  // 7: FTS5 merges segments once 16 of a size exist instead of 4. Each merge rewrites the
  // index data it merges; at 20,000 articles this wrote 11% fewer bytes in all during ingest
  // (bench/writer.ts), and search latency over the fuller segment list did not measurably change.
  `
  INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16); -- new shards get it too (fts-shards.ts)
  `,
  // 8: a derived computation's state in parts beside its body in derived_cache (the
  // clustering's events, one row each), so that a run reads and rewrites only the parts it needs.
  `
  CREATE TABLE derived_parts (
    key TEXT NOT NULL,
    part TEXT NOT NULL,
    body BLOB NOT NULL,
    UNIQUE (key, part)
  );
  `,
  // 9: the database counts every article taken out of it, or given another id, by any means
  // (a trigger fires for a DELETE typed in the sqlite3 shell too): a saved clustering that
  // recorded the count holds no article gone since while the count is the same, which spares
  // looking up every clustered article's id at each update. (No statement of this store takes
  // an article out; INSERT OR REPLACE would, without firing the trigger, and none is used.)
  `
  CREATE TABLE store_counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO store_counters (name, value) VALUES ('articles-removed', 0);
  CREATE TRIGGER articles_removed AFTER DELETE ON articles
  BEGIN UPDATE store_counters SET value = value + 1 WHERE name = 'articles-removed'; END;
  CREATE TRIGGER articles_renamed AFTER UPDATE OF id ON articles WHEN NEW.id IS NOT OLD.id
  BEGIN UPDATE store_counters SET value = value + 1 WHERE name = 'articles-removed'; END;
  `,
]
