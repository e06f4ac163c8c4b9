-- Migration number: 0003 	 Embedded search: a stems column (French morphology) and the index vocabulary (typo tolerance).
-- `stems` holds every word of the document reduced by the Snowball French stemmer, so
-- « inclusif » finds « inclusion »; it is its own FTS5 column, weighted low, so documents
-- using the query's exact words still rank first. FTS5 cannot add a column to a table:
-- the index is rebuilt with the new column (stems stay empty until `npm run reindex`).
ALTER TABLE search_documents ADD COLUMN stems TEXT NOT NULL DEFAULT '';

DROP TRIGGER search_documents_ai;
DROP TRIGGER search_documents_ad;
DROP TRIGGER search_documents_au;
DROP TABLE search_fts;

CREATE VIRTUAL TABLE search_fts USING fts5(
  title, summary, labels, body, stems,
  content = 'search_documents', content_rowid = 'docid',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
  INSERT INTO search_fts (rowid, title, summary, labels, body, stems)
  VALUES (new.docid, new.title, new.summary, new.labels, new.body, new.stems);
END;
CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, summary, labels, body, stems)
  VALUES ('delete', old.docid, old.title, old.summary, old.labels, old.body, old.stems);
END;
CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, summary, labels, body, stems)
  VALUES ('delete', old.docid, old.title, old.summary, old.labels, old.body, old.stems);
  INSERT INTO search_fts (rowid, title, summary, labels, body, stems)
  VALUES (new.docid, new.title, new.summary, new.labels, new.body, new.stems);
END;

INSERT INTO search_fts (search_fts) VALUES ('rebuild');

-- The index's own vocabulary, per column: query words missing from it are corrected to the
-- indexed words one or two typos away (Meilisearch's thresholds), never to a stem.
CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_fts, 'col');
