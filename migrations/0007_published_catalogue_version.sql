-- Migration number: 0007 	 A version of the published catalogue, for cached statistics.

-- Statistics count published experiments only, and are cached under a version of the
-- catalogue. Keyed on the search outbox's sequence, that version moved with every write,
-- pending submissions included: at 100k experiments (a report costs ~1 s of D1 time) the
-- benchmark's mixed traffic, 5 % submissions, recomputed reports all the time and queued
-- every other request behind them. These triggers move the version only when a change
-- touches a published experiment (published, edited while published, unpublished,
-- deleted), whatever code path makes it.
CREATE TABLE catalogue_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO catalogue_version (id, version) VALUES (1, 1);

CREATE TRIGGER catalogue_version_on_insert AFTER INSERT ON experiments
WHEN NEW.status = 'published'
BEGIN
  UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER catalogue_version_on_update AFTER UPDATE ON experiments
WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
  UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER catalogue_version_on_delete AFTER DELETE ON experiments
WHEN OLD.status = 'published'
BEGIN
  UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
