-- Migration number: 0006 	 Embedded search: the network's actors, their facet values (filters, matching) and an FTS5 index.
-- The same layout as the experiments' tables (0001–0003), apart: actors have their own
-- fields, counts and vocabulary, and « Qui peut m'aider ? » filters on their skills and
-- places here rather than in the primary database. Filled from the outbox
-- (record_kind = 'actor') and by `npm run reindex`.

-- One row per published actor; `hit` holds displayed fields as JSON.
CREATE TABLE actor_documents (
  docid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  revision INTEGER NOT NULL,
  slug TEXT NOT NULL,                    -- order within a proximity level (matching)
  title TEXT NOT NULL,                   -- the actor's name
  summary TEXT NOT NULL,                 -- its description
  labels TEXT NOT NULL,                  -- kind, skills, programmes and places, French and English
  body TEXT NOT NULL,                    -- what it says of its offers and needs, mediation services
  stems TEXT NOT NULL,
  published_at TEXT NOT NULL,
  hit TEXT NOT NULL CHECK (json_valid(hit))
) STRICT;
CREATE INDEX actor_documents_published ON actor_documents (published_at DESC, id DESC);

-- Facet values as integer codes, as for experiments: kind, offers, needs, territory,
-- programme (the list's facets) and place, national, theme (what matching filters on).
CREATE TABLE actor_facet_values (
  code INTEGER PRIMARY KEY,
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  UNIQUE (facet, value)
) STRICT;

CREATE TABLE actor_document_facets (
  docid INTEGER NOT NULL REFERENCES actor_documents (docid) ON DELETE CASCADE,
  code INTEGER NOT NULL REFERENCES actor_facet_values (code),
  PRIMARY KEY (code, docid)
) STRICT, WITHOUT ROWID;
CREATE INDEX actor_document_facets_docid ON actor_document_facets (docid);

CREATE VIRTUAL TABLE actor_fts USING fts5(
  title, summary, labels, body, stems,
  content = 'actor_documents', content_rowid = 'docid',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER actor_documents_ai AFTER INSERT ON actor_documents BEGIN
  INSERT INTO actor_fts (rowid, title, summary, labels, body, stems)
  VALUES (new.docid, new.title, new.summary, new.labels, new.body, new.stems);
END;
CREATE TRIGGER actor_documents_ad AFTER DELETE ON actor_documents BEGIN
  INSERT INTO actor_fts (actor_fts, rowid, title, summary, labels, body, stems)
  VALUES ('delete', old.docid, old.title, old.summary, old.labels, old.body, old.stems);
END;
CREATE TRIGGER actor_documents_au AFTER UPDATE ON actor_documents BEGIN
  INSERT INTO actor_fts (actor_fts, rowid, title, summary, labels, body, stems)
  VALUES ('delete', old.docid, old.title, old.summary, old.labels, old.body, old.stems);
  INSERT INTO actor_fts (rowid, title, summary, labels, body, stems)
  VALUES (new.docid, new.title, new.summary, new.labels, new.body, new.stems);
END;
