-- Migration number: 0001 	 Embedded search engine: indexed documents, their facet values and an FTS5 index.
-- This database is derived from the primary one (rebuild it with `npm run reindex`) and
-- lives apart from it because `wrangler d1 export` refuses databases with virtual tables.

-- One row per published experiment; `hit` holds the displayed fields as JSON.
CREATE TABLE search_documents (
  docid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  revision INTEGER NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  labels TEXT NOT NULL,                  -- theme and territory labels, searchable
  body TEXT NOT NULL,                    -- lead name, narrative, keywords, partners
  evidence INTEGER NOT NULL,
  completeness INTEGER NOT NULL,
  published_at TEXT NOT NULL,
  hit TEXT NOT NULL CHECK (json_valid(hit))
) STRICT;

-- Facet values (theme, region, department, level, stage, evidence, year) as text, one
-- row per value: filters and disjunctive counts are plain indexed SQL.
CREATE TABLE search_facets (
  docid INTEGER NOT NULL REFERENCES search_documents (docid) ON DELETE CASCADE,
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (facet, value, docid)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_facets_docid ON search_facets (docid);

-- Accent-insensitive full-text index over the document table (external content).
CREATE VIRTUAL TABLE search_fts USING fts5(
  title, summary, labels, body,
  content = 'search_documents', content_rowid = 'docid',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
  INSERT INTO search_fts (rowid, title, summary, labels, body)
  VALUES (new.docid, new.title, new.summary, new.labels, new.body);
END;
CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, summary, labels, body)
  VALUES ('delete', old.docid, old.title, old.summary, old.labels, old.body);
END;
CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, summary, labels, body)
  VALUES ('delete', old.docid, old.title, old.summary, old.labels, old.body);
  INSERT INTO search_fts (rowid, title, summary, labels, body)
  VALUES (new.docid, new.title, new.summary, new.labels, new.body);
END;
