-- Migration number: 0006 	 Submitter edit sessions, proposed revisions, reports, rate-limit counters.

-- Short-lived sessions opened by exchanging a private edit link (capability URL) for a
-- cookie, so the token leaves the address bar at once. Only a SHA-256 of the cookie value
-- is stored. `token_hash` is the edit token the session came from: re-issuing or revoking
-- the link (which rewrites experiments.edit_token_hash) ends every session opened with it.
CREATE TABLE edit_sessions (
  id_hash TEXT PRIMARY KEY,
  experiment_id TEXT NOT NULL REFERENCES experiments (id),
  token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX edit_sessions_experiment ON edit_sessions (experiment_id);
-- The link page looks experiments up by the hash of the token it carries.
CREATE INDEX experiments_edit_token ON experiments (edit_token_hash);

-- A submitter's edit of a published experiment waits here for a moderator while the
-- published version stays visible. Content is public content only (no private contact):
-- an approved proposal becomes an ordinary revision through the shared update primitive.
CREATE TABLE proposals (
  id TEXT PRIMARY KEY,                   -- ULID
  experiment_id TEXT NOT NULL REFERENCES experiments (id),
  base_revision INTEGER NOT NULL,        -- the revision the submitter edited
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
  data TEXT NOT NULL CHECK (json_valid(data)),        -- ExperimentContent proposed
  derived TEXT NOT NULL CHECK (json_valid(derived)),  -- Derived, computed when proposed
  completeness INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,                       -- 'moderator:<name>' or 'submitter' (superseded)
  reason TEXT,
  applied_revision INTEGER,              -- the revision an approval produced
  CHECK ((status = 'pending') = (decided_at IS NULL))
) STRICT;
-- At most one proposal waits per experiment: a newer edit supersedes the older one.
CREATE UNIQUE INDEX proposals_one_pending ON proposals (experiment_id) WHERE status = 'pending';
CREATE INDEX proposals_status ON proposals (status, created_at, id);

-- Reports from readers about a published experiment, for the moderation queue.
CREATE TABLE reports (
  id TEXT PRIMARY KEY,                   -- ULID
  experiment_id TEXT NOT NULL REFERENCES experiments (id),
  reason TEXT NOT NULL CHECK (reason IN ('outdated', 'wrong', 'duplicate', 'inappropriate')),
  message TEXT NOT NULL CHECK (length(message) <= 1000),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_at TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT,
  resolution TEXT,
  CHECK ((status = 'open') = (closed_at IS NULL))
) STRICT;
CREATE INDEX reports_status ON reports (status, created_at, id);
CREATE INDEX reports_experiment ON reports (experiment_id, status);

-- Fallback rate limiter when no Rate Limiting binding is configured: one fixed-window
-- counter per bucket and client. The key is `<bucket>:<SHA-256 of the client IP>`, never
-- the IP itself.
CREATE TABLE rate_limit_counters (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,         -- Unix seconds, a multiple of the period
  count INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX rate_limit_counters_window ON rate_limit_counters (window_start);
