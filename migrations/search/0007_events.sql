-- Migration number: 0007 	 Embedded search: events (agenda and « la parole recueillie »), their filter values and an FTS5 index.
-- The same layout as the experiments' (0001–0003) and actors' (0006) tables, apart:
-- events have their own fields, instants and restitution text. Filled from the outbox
-- (record_kind = 'event') and by `npm run reindex`.

-- One row per published event.
CREATE TABLE event_documents (
  docid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  revision INTEGER NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,                 -- its description
  labels TEXT NOT NULL,                  -- kind, themes, attendance, places, venue (French and English)
  body TEXT NOT NULL,                    -- organisers' names, then the restitution's text
  stems TEXT NOT NULL,
  starts_at INTEGER NOT NULL,            -- UTC, seconds since the epoch
  ends_at INTEGER NOT NULL,
  published_at TEXT NOT NULL
) STRICT;
CREATE INDEX event_documents_starts ON event_documents (starts_at, id);
CREATE INDEX event_documents_ends ON event_documents (ends_at);

-- Filter values as integer codes: kind, theme, territory, attendance, restituted.
CREATE TABLE event_facet_values (
  code INTEGER PRIMARY KEY,
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  UNIQUE (facet, value)
) STRICT;

CREATE TABLE event_document_facets (
  docid INTEGER NOT NULL REFERENCES event_documents (docid) ON DELETE CASCADE,
  code INTEGER NOT NULL REFERENCES event_facet_values (code),
  PRIMARY KEY (code, docid)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_document_facets_docid ON event_document_facets (docid);

CREATE VIRTUAL TABLE event_fts USING fts5(
  title, summary, labels, body, stems,
  content = 'event_documents', content_rowid = 'docid',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER event_documents_ai AFTER INSERT ON event_documents BEGIN
  INSERT INTO event_fts (rowid, title, summary, labels, body, stems)
  VALUES (new.docid, new.title, new.summary, new.labels, new.body, new.stems);
END;
CREATE TRIGGER event_documents_ad AFTER DELETE ON event_documents BEGIN
  INSERT INTO event_fts (event_fts, rowid, title, summary, labels, body, stems)
  VALUES ('delete', old.docid, old.title, old.summary, old.labels, old.body, old.stems);
END;
CREATE TRIGGER event_documents_au AFTER UPDATE ON event_documents BEGIN
  INSERT INTO event_fts (event_fts, rowid, title, summary, labels, body, stems)
  VALUES ('delete', old.docid, old.title, old.summary, old.labels, old.body, old.stems);
  INSERT INTO event_fts (rowid, title, summary, labels, body, stems)
  VALUES (new.docid, new.title, new.summary, new.labels, new.body, new.stems);
END;
