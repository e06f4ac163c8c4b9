-- Migration number: 0005 	 Moderation desk: wider lifecycle, soft delete, merges, audit log,
-- named moderator accounts and their sessions.

-- SQLite cannot alter a CHECK constraint, so `experiments` is rebuilt: copy the rows aside,
-- drop the table, create it again and copy the rows back. Foreign keys from revisions and
-- sources point at it: their checks are deferred to the end of the migration, and
-- re-inserting the rows into a table named `experiments` is what satisfies them again (a
-- table renamed into place would leave SQLite's deferred-violation counter unsettled).
-- Dropping the old table runs an implicit DELETE whose ON DELETE CASCADE empties
-- experiment_themes and experiment_territories even with deferred checks, so those rows
-- are kept aside too and put back.
PRAGMA defer_foreign_keys = on;

CREATE TABLE experiments_0005 AS SELECT * FROM experiments;
CREATE TABLE experiment_themes_0005 AS SELECT * FROM experiment_themes;
CREATE TABLE experiment_territories_0005 AS SELECT * FROM experiment_territories;

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
  -- Public reads only ever ask for status = 'published'; forbidding a deleted row from being
  -- published keeps every one of those queries right without a deleted_at filter.
  CHECK (deleted_at IS NULL OR status <> 'published'),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
  CHECK ((deleted_at IS NULL) = (status_before_delete IS NULL)),
  CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
  CHECK (merged_into IS NULL OR merged_into <> id)
) STRICT;

INSERT INTO experiments (id, slug, status, revision, title, lead_kind, stage, evidence_level,
  start_year, budget_eur, people_reached, population_covered, completeness, data, derived,
  private_contact, edit_token_hash, edit_token_expires_at, moderation_note, created_at, updated_at,
  published_at, last_verified_at)
SELECT id, slug, status, revision, title, lead_kind, stage, evidence_level,
  start_year, budget_eur, people_reached, population_covered, completeness, data, derived,
  private_contact, edit_token_hash, edit_token_expires_at, moderation_note, created_at, updated_at,
  published_at, last_verified_at
FROM experiments_0005;
DROP TABLE experiments_0005;

CREATE INDEX experiments_published ON experiments (status, published_at DESC, id DESC);
CREATE INDEX experiments_status_created ON experiments (status, created_at, id);
-- From 0004 (statistics covering index); dropped with the old table.
CREATE INDEX experiments_stats ON experiments (
  status, id, lead_kind, stage, evidence_level, start_year, budget_eur, people_reached
);
CREATE INDEX experiments_merged_into ON experiments (merged_into) WHERE merged_into IS NOT NULL;

INSERT OR IGNORE INTO experiment_themes SELECT * FROM experiment_themes_0005;
INSERT OR IGNORE INTO experiment_territories SELECT * FROM experiment_territories_0005;
DROP TABLE experiment_themes_0005;
DROP TABLE experiment_territories_0005;

-- Append-only audit log: moderation decisions, sign-ins (successful or not), sign-outs.
-- Never holds a secret: no password, no token, the IP only as a truncated hash.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,                      -- UTC, ISO 8601
  actor TEXT NOT NULL,                   -- 'moderator:<name>' or 'anonymous'
  action TEXT NOT NULL,                  -- approve, reject, …, login, login-failed, logout
  target TEXT,                           -- 'experiment:<id>', 'moderator:<name>'
  reason TEXT,
  detail TEXT CHECK (detail IS NULL OR json_valid(detail)),  -- {from, to, revision, via, …}
  ip_hash TEXT
) STRICT;
CREATE INDEX audit_log_target ON audit_log (target, seq);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Named moderator accounts for the desk (the API keeps its bearer tokens).
CREATE TABLE moderators (
  name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 2 AND 40),
  password_hash TEXT NOT NULL,           -- pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>
  created_at TEXT NOT NULL,
  disabled_at TEXT
) STRICT;

-- Desk sessions. Only a SHA-256 of the session id is stored, so a read of this table
-- (backup, export) cannot be replayed as a cookie.
CREATE TABLE moderator_sessions (
  id_hash TEXT PRIMARY KEY,
  moderator TEXT NOT NULL REFERENCES moderators (name),
  csrf_token TEXT NOT NULL,              -- synchronizer token of the desk forms
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,            -- idle expiry counts from here
  expires_at TEXT NOT NULL               -- absolute expiry
) STRICT;
CREATE INDEX moderator_sessions_moderator ON moderator_sessions (moderator);

-- Failed sign-ins per (account, IP) in a fixed window, against password guessing.
CREATE TABLE login_attempts (
  key_hash TEXT PRIMARY KEY,             -- SHA-256 of name + IP
  window_start TEXT NOT NULL,
  failures INTEGER NOT NULL
) STRICT;
