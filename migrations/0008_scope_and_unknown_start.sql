-- Migration number: 0008 	 Scope of a record (French territories, France entière, abroad),
-- an unknown start date, and the stored records brought to that model.

-- `start_year` becomes nullable (NULL: the source gives no start date; never a placeholder
-- year), and two columns repeat the derived scope for filters and statistics:
-- `scope_level` (local, departemental, regional, national, abroad) and `country` (ISO
-- 3166-1 alpha-2 of a record abroad). SQLite cannot relax a NOT NULL, so `experiments` is
-- rebuilt the way migration 0005 did it: rows and the cascaded child rows set aside,
-- foreign-key checks deferred, the table re-created under the same name and filled again.
PRAGMA defer_foreign_keys = on;

CREATE TABLE experiments_0008 AS SELECT * FROM experiments;
CREATE TABLE experiment_themes_0008 AS SELECT * FROM experiment_themes;
CREATE TABLE experiment_territories_0008 AS SELECT * FROM experiment_territories;

DROP TABLE experiments;

CREATE TABLE experiments (
  id TEXT PRIMARY KEY,                   -- ULID
  slug TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN
    ('pending', 'changes_requested', 'published', 'rejected', 'unpublished', 'merged')),
  revision INTEGER NOT NULL,             -- number of the latest revision
  title TEXT NOT NULL,
  lead_kind TEXT NOT NULL,
  stage TEXT NOT NULL,
  evidence_level INTEGER NOT NULL CHECK (evidence_level BETWEEN 0 AND 4),
  start_year INTEGER,                    -- NULL: start date unknown
  budget_eur INTEGER,
  people_reached INTEGER,
  population_covered INTEGER NOT NULL,
  completeness INTEGER NOT NULL,
  -- Derived scope (Derived.scopeLevel, Derived.country.code), repeated for plain SQL.
  scope_level TEXT NOT NULL CHECK (scope_level IN
    ('local', 'departemental', 'regional', 'national', 'abroad')),
  country TEXT CHECK (country IS NULL OR country GLOB '[A-Z][A-Z]'),
  data TEXT NOT NULL CHECK (json_valid(data)),           -- ExperimentContent
  derived TEXT NOT NULL CHECK (json_valid(derived)),     -- Derived (territory labels, régions…)
  private_contact TEXT NOT NULL CHECK (json_valid(private_contact)),
  edit_token_hash TEXT NOT NULL,          -- SHA-256 (hex) of the private edit token
  edit_token_expires_at TEXT NOT NULL,
  moderation_note TEXT,                   -- reason of the last decision (reject, request changes, unpublish)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  last_verified_at TEXT,
  -- Soft delete: the row stays (and its history), hidden everywhere public until restored.
  deleted_at TEXT,
  deleted_by TEXT,
  status_before_delete TEXT,              -- what a restore brings back
  -- A merged duplicate points at the experiment it was merged into; its URLs redirect there.
  merged_into TEXT,
  CHECK (deleted_at IS NULL OR status <> 'published'),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
  CHECK ((deleted_at IS NULL) = (status_before_delete IS NULL)),
  CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
  CHECK (merged_into IS NULL OR merged_into <> id),
  CHECK ((scope_level = 'abroad') = (country IS NOT NULL))
) STRICT;

-- Every stored record declared French territories: its scope is `territories`, and its
-- level is the widest declared kind (a région makes it regional, a département
-- départemental, communes and EPCI local), as worker/domain/scope.ts derives it.
INSERT INTO experiments (id, slug, status, revision, title, lead_kind, stage, evidence_level,
  start_year, budget_eur, people_reached, population_covered, completeness, scope_level, country,
  data, derived, private_contact, edit_token_hash, edit_token_expires_at, moderation_note,
  created_at, updated_at, published_at, last_verified_at, deleted_at, deleted_by,
  status_before_delete, merged_into)
SELECT id, slug, status, revision, title, lead_kind, stage, evidence_level,
  start_year, budget_eur, people_reached, population_covered, completeness, level, NULL,
  json_set(data, '$.scope', 'territories'), json_set(derived, '$.scopeLevel', level),
  private_contact, edit_token_hash, edit_token_expires_at, moderation_note,
  created_at, updated_at, published_at, last_verified_at, deleted_at, deleted_by,
  status_before_delete, merged_into
FROM (
  SELECT *, CASE
      WHEN EXISTS (SELECT 1 FROM json_each(data, '$.territories') WHERE value GLOB 'reg:*') THEN 'regional'
      WHEN EXISTS (SELECT 1 FROM json_each(data, '$.territories') WHERE value GLOB 'dep:*') THEN 'departemental'
      ELSE 'local' END AS level
  FROM experiments_0008
);
DROP TABLE experiments_0008;

CREATE INDEX experiments_published ON experiments (status, published_at DESC, id DESC);
CREATE INDEX experiments_status_created ON experiments (status, created_at, id);
-- The statistics' covering index (0004), now with the scope level they split on.
CREATE INDEX experiments_stats ON experiments (
  status, id, lead_kind, stage, evidence_level, start_year, budget_eur, people_reached, scope_level
);
CREATE INDEX experiments_merged_into ON experiments (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX experiments_edit_token ON experiments (edit_token_hash);

INSERT OR IGNORE INTO experiment_themes SELECT * FROM experiment_themes_0008;
INSERT OR IGNORE INTO experiment_territories SELECT * FROM experiment_territories_0008;
DROP TABLE experiment_themes_0008;
DROP TABLE experiment_territories_0008;

-- The catalogue-version triggers of 0007 went with the old table.
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

-- Cached statistics now have national and abroad lines: none computed before may be served.
UPDATE catalogue_version SET version = version + 1 WHERE id = 1;

-- Proposed edits carry content and derived fields too; an approval applies them as stored.
UPDATE proposals SET
  data = json_set(data, '$.scope', 'territories'),
  derived = json_set(derived, '$.scopeLevel', CASE
      WHEN EXISTS (SELECT 1 FROM json_each(data, '$.territories') WHERE value GLOB 'reg:*') THEN 'regional'
      WHEN EXISTS (SELECT 1 FROM json_each(data, '$.territories') WHERE value GLOB 'dep:*') THEN 'departemental'
      ELSE 'local' END)
WHERE json_extract(derived, '$.scopeLevel') IS NULL;
