-- Migration number: 0002 	 Experiments, their revisions and the search outbox.

-- Current state of each experiment. Content lives in `data` (JSON, public fields only);
-- columns repeat what filters, sorting and statistics need so those stay plain SQL.
CREATE TABLE experiments (
  id TEXT PRIMARY KEY,                   -- ULID
  slug TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  revision INTEGER NOT NULL,             -- number of the latest revision
  title TEXT NOT NULL,
  lead_kind TEXT NOT NULL,
  stage TEXT NOT NULL,
  evidence_level INTEGER NOT NULL CHECK (evidence_level BETWEEN 0 AND 4),
  start_year INTEGER NOT NULL,
  budget_eur INTEGER,
  people_reached INTEGER,
  population_covered INTEGER NOT NULL,
  completeness INTEGER NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),           -- ExperimentContent
  derived TEXT NOT NULL CHECK (json_valid(derived)),     -- Derived (territory labels, régions…)
  private_contact TEXT NOT NULL CHECK (json_valid(private_contact)),
  edit_token_hash TEXT NOT NULL,          -- SHA-256 (hex) of the private edit token
  edit_token_expires_at TEXT NOT NULL,
  moderation_note TEXT,                   -- reason given on rejection
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  last_verified_at TEXT
) STRICT;

-- Keyset pagination of the public list: newest publication first, id as tie-breaker.
CREATE INDEX experiments_published ON experiments (status, published_at DESC, id DESC);
CREATE INDEX experiments_status_created ON experiments (status, created_at, id);

-- Top-level themes of each experiment (1–3), for filters and statistics.
CREATE TABLE experiment_themes (
  experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  theme TEXT NOT NULL,
  PRIMARY KEY (experiment_id, theme)
) STRICT, WITHOUT ROWID;
CREATE INDEX experiment_themes_theme ON experiment_themes (theme, experiment_id);

-- Territories an experiment covers: the declared codes plus the derived départements
-- and régions (`declared` = 0). One row per (experiment, territory), so an experiment
-- covering two départements counts once in each and once in their région.
CREATE TABLE experiment_territories (
  experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  territory TEXT NOT NULL,
  declared INTEGER NOT NULL CHECK (declared IN (0, 1)),
  PRIMARY KEY (experiment_id, territory)
) STRICT, WITHOUT ROWID;
CREATE INDEX experiment_territories_territory ON experiment_territories (territory, experiment_id);

-- Append-only history: one snapshot per change.
CREATE TABLE experiment_revisions (
  experiment_id TEXT NOT NULL REFERENCES experiments (id),
  revision INTEGER NOT NULL,
  action TEXT NOT NULL,                  -- submit, approve, reject, …
  status TEXT NOT NULL,                  -- status after the change
  actor TEXT NOT NULL,                   -- 'submitter' or 'moderator:<name>'
  reason TEXT,
  data TEXT NOT NULL CHECK (json_valid(data)),  -- ExperimentContent after the change
  created_at TEXT NOT NULL,
  PRIMARY KEY (experiment_id, revision)
) STRICT;

CREATE TRIGGER experiment_revisions_append_only_update BEFORE UPDATE ON experiment_revisions
BEGIN
  SELECT RAISE(ABORT, 'experiment_revisions is append-only');
END;
CREATE TRIGGER experiment_revisions_append_only_delete BEFORE DELETE ON experiment_revisions
BEGIN
  SELECT RAISE(ABORT, 'experiment_revisions is append-only');
END;

-- Transactional outbox towards the search indexes: one row per change and target,
-- written in the same batch() as the change. The drainer re-reads the current row, so
-- a replay is harmless and out-of-order delivery still converges.
CREATE TABLE search_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  experiment_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  target TEXT NOT NULL CHECK (target IN ('meilisearch', 'embedded')),
  enqueued_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT
) STRICT;
CREATE INDEX search_outbox_due ON search_outbox (target, next_attempt_at, seq);
