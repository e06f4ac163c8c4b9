-- Migration number: 0017 	 Actors get the rest of the experiments' lifecycle: private edit sessions, proposed edits, owner replies, reader reports, and lookups for duplicate checks.

-- The same tables as experiments' (migrations 0006, 0009), keyed by `actor_id`: the
-- shared code reads their names from db/record-kinds.ts, so every statement serves both.
CREATE TABLE actor_edit_sessions (
  id_hash TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors (id),
  token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX actor_edit_sessions_actor ON actor_edit_sessions (actor_id);

-- An owner's edit of a published actor waits here while the published version stays
-- online. `completeness` is kept for the shared statements (actors have no score: 0).
CREATE TABLE actor_proposals (
  id TEXT PRIMARY KEY,                   -- ULID
  actor_id TEXT NOT NULL REFERENCES actors (id),
  base_revision INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
  data TEXT NOT NULL CHECK (json_valid(data)),        -- ActorContent proposed
  derived TEXT NOT NULL CHECK (json_valid(derived)),
  completeness INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  reason TEXT,
  applied_revision INTEGER,
  changes TEXT CHECK (changes IS NULL OR json_valid(changes)),
  message TEXT CHECK (message IS NULL OR length(message) <= 2000),
  CHECK ((status = 'pending') = (decided_at IS NULL))
) STRICT;
CREATE UNIQUE INDEX actor_proposals_one_pending ON actor_proposals (actor_id) WHERE status = 'pending';
CREATE INDEX actor_proposals_status ON actor_proposals (status, created_at, id);

CREATE TABLE actor_owner_replies (
  id INTEGER PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors (id),
  revision INTEGER NOT NULL,
  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 2000),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX actor_owner_replies_actor ON actor_owner_replies (actor_id, id);

CREATE TABLE actor_reports (
  id TEXT PRIMARY KEY,                   -- ULID
  actor_id TEXT NOT NULL REFERENCES actors (id),
  reason TEXT NOT NULL CHECK (reason IN ('outdated', 'wrong', 'duplicate', 'inappropriate')),
  message TEXT NOT NULL CHECK (length(message) <= 1000),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_at TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT,
  resolution TEXT,
  CHECK ((status = 'open') = (closed_at IS NULL))
) STRICT;
CREATE INDEX actor_reports_status ON actor_reports (status, created_at, id);
CREATE INDEX actor_reports_actor ON actor_reports (actor_id, status);

-- Duplicate checks at submission: the same SIRET, SIREN or RNA as an actor already known.
CREATE INDEX actors_siret ON actors (json_extract(data, '$.siret'));
CREATE INDEX actors_siren ON actors (json_extract(data, '$.siren'));
CREATE INDEX actors_rna ON actors (json_extract(data, '$.rna'));
