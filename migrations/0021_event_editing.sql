-- Migration number: 0021 	 Events join the shared editing mechanism (db/record-kinds.ts EDITABLE_TABLES): private edit sessions, proposed edits, owner replies, reader reports; the organiser's change waiting in events.proposal moves to event_proposals.

-- The same tables as actors' (migration 0017), keyed by `event_id`.
CREATE TABLE event_edit_sessions (
  id_hash TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events (id),
  token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX event_edit_sessions_event ON event_edit_sessions (event_id);

-- An organiser's change of a published event (its announcement, what came out of it, or
-- both) waits here while the published version stays online. `data` is the event as it
-- would read once approved, its restitution under `restitution` like event_revisions.data.
CREATE TABLE event_proposals (
  id TEXT PRIMARY KEY,                   -- ULID
  event_id TEXT NOT NULL REFERENCES events (id),
  base_revision INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
  data TEXT NOT NULL CHECK (json_valid(data)),
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
CREATE UNIQUE INDEX event_proposals_one_pending ON event_proposals (event_id) WHERE status = 'pending';
CREATE INDEX event_proposals_status ON event_proposals (status, created_at, id);

CREATE TABLE event_owner_replies (
  id INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events (id),
  revision INTEGER NOT NULL,
  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 2000),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX event_owner_replies_event ON event_owner_replies (event_id, id);

CREATE TABLE event_reports (
  id TEXT PRIMARY KEY,                   -- ULID
  event_id TEXT NOT NULL REFERENCES events (id),
  reason TEXT NOT NULL CHECK (reason IN ('outdated', 'wrong', 'duplicate', 'inappropriate')),
  message TEXT NOT NULL CHECK (length(message) <= 1000),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_at TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT,
  resolution TEXT,
  CHECK ((status = 'open') = (closed_at IS NULL))
) STRICT;
CREATE INDEX event_reports_status ON event_reports (status, created_at, id);
CREATE INDEX event_reports_event ON event_reports (event_id, status);

-- A change still waiting in events.proposal ({ content?, restitution?, message? }, one per
-- event) becomes a pending proposal: the whole event as it would read (its content, else the
-- current one; its restitution, else the current one), without a change set, so approval
-- applies it whole as it did (db/proposals.ts). It takes the event's id as its own (a ULID,
-- unique: one moved proposal per event). The columns events.proposal and proposed_at stay,
-- emptied and no longer read or written (a landed migration is never edited).
INSERT INTO event_proposals (id, event_id, base_revision, status, data, derived, completeness,
  created_at, changes, message)
SELECT id, id, revision, 'pending',
  CASE WHEN restitution IS NULL THEN content
       ELSE json_set(content, '$.restitution', json(restitution)) END,
  derived, 0, proposed_at, NULL, message
FROM (SELECT id, revision, derived, proposed_at,
        coalesce(proposal -> '$.content', data) AS content,
        coalesce(proposal -> '$.restitution', restitution) AS restitution,
        proposal ->> '$.message' AS message
      FROM events WHERE proposal IS NOT NULL);
UPDATE events SET proposal = NULL, proposed_at = NULL WHERE proposal IS NOT NULL;
