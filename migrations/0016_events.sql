-- Migration number: 0016 	 Events of the network (débats, ateliers, forums…), their organisers, themes, revisions; the outbox learns the event kind.

-- Current state of each event, with the lifecycle columns every record has (moderation,
-- soft delete, merges) so the shared moderation statements serve it. Content lives in
-- `data` (EventContent, public fields only), what came out of it in `restitution`;
-- columns repeat what the agenda filters and sorts on.
CREATE TABLE events (
  id TEXT PRIMARY KEY,                   -- ULID
  slug TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN
    ('pending', 'changes_requested', 'published', 'rejected', 'unpublished', 'merged')),
  revision INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  attendance TEXT NOT NULL CHECK (attendance IN ('on-site', 'online', 'hybrid')),
  -- Wall-clock times of the place (`2027-03-12T18:30`) in `time_zone`, and the UTC
  -- instants derived from them when written (ISO 8601, sortable as text).
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  starts_at_utc TEXT NOT NULL,
  ends_at_utc TEXT NOT NULL,
  -- Where it happens, as typed codes of the territory reference: the place's commune (or
  -- the territory's), its département and région; NULL for an online event of no territory.
  commune TEXT,
  department TEXT,
  region TEXT,
  data TEXT NOT NULL CHECK (json_valid(data)),           -- EventContent
  derived TEXT NOT NULL CHECK (json_valid(derived)),     -- Derived (territory names, point…)
  -- What came out of it (Restitution), added by the organiser after the event.
  restitution TEXT CHECK (restitution IS NULL OR json_valid(restitution)),
  restituted_at TEXT,
  -- An organiser's change to a published event waiting for a moderator while the
  -- published version stays visible: { content?, restitution?, message? }. One at a time.
  proposal TEXT CHECK (proposal IS NULL OR json_valid(proposal)),
  proposed_at TEXT,
  private_contact TEXT NOT NULL CHECK (json_valid(private_contact)),
  edit_token_hash TEXT NOT NULL,          -- SHA-256 (hex) of the private edit token
  edit_token_expires_at TEXT NOT NULL,
  moderation_note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  last_verified_at TEXT,
  deleted_at TEXT,
  deleted_by TEXT,
  status_before_delete TEXT,
  merged_into TEXT,
  CHECK (ends_at_utc >= starts_at_utc),
  CHECK ((restitution IS NULL) = (restituted_at IS NULL)),
  CHECK ((proposal IS NULL) = (proposed_at IS NULL)),
  CHECK (deleted_at IS NULL OR status <> 'published'),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
  CHECK ((deleted_at IS NULL) = (status_before_delete IS NULL)),
  CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
  CHECK (merged_into IS NULL OR merged_into <> id)
) STRICT;
-- The agenda: published events by start (upcoming) or end (past), whole or per territory.
CREATE INDEX events_agenda ON events (status, starts_at_utc, id);
CREATE INDEX events_past ON events (status, ends_at_utc DESC, id);
CREATE INDEX events_department ON events (department, status, starts_at_utc);
CREATE INDEX events_region ON events (region, status, starts_at_utc);
CREATE INDEX events_commune ON events (commune, status, starts_at_utc);
CREATE INDEX events_kind ON events (kind, status, starts_at_utc);
CREATE INDEX events_status_created ON events (status, created_at, id);
CREATE INDEX events_edit_token ON events (edit_token_hash);
CREATE INDEX events_proposals ON events (proposed_at) WHERE proposal IS NOT NULL;

-- The themes of each event, for the agenda's facets.
CREATE TABLE event_themes (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  theme TEXT NOT NULL,
  PRIMARY KEY (event_id, theme)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_themes_theme ON event_themes (theme, event_id);

-- The actors of the network who organise each event (`organisers` of its content),
-- rewritten with each write of the event, so an actor's page finds its events by index.
CREATE TABLE event_actors (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL,                -- an actors.id (no foreign key: like experiment_actors)
  PRIMARY KEY (event_id, actor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors (actor_id, event_id);

-- Append-only history of each event, like experiment_revisions; `data` is the content
-- with its restitution as it then stood.
CREATE TABLE event_revisions (
  event_id TEXT NOT NULL REFERENCES events (id),
  revision INTEGER NOT NULL,
  action TEXT NOT NULL,
  status TEXT NOT NULL,
  actor TEXT NOT NULL,                   -- who: 'submitter' or 'moderator:<name>'
  reason TEXT,
  data TEXT NOT NULL CHECK (json_valid(data)),
  created_at TEXT NOT NULL,
  PRIMARY KEY (event_id, revision)
) STRICT;

CREATE TRIGGER event_revisions_append_only_update BEFORE UPDATE ON event_revisions
BEGIN
  SELECT RAISE(ABORT, 'event_revisions is append-only');
END;
CREATE TRIGGER event_revisions_append_only_delete BEFORE DELETE ON event_revisions
BEGIN
  SELECT RAISE(ABORT, 'event_revisions is append-only');
END;

-- The outbox takes events: its CHECK on record_kind cannot be altered in place, so the
-- table is rebuilt with the rows (and their seq) already queued.
CREATE TABLE search_outbox_0016 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  experiment_id TEXT NOT NULL,           -- the id of the record of `record_kind`
  revision INTEGER NOT NULL,
  target TEXT NOT NULL CHECK (target IN ('meilisearch', 'embedded')),
  enqueued_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  record_kind TEXT NOT NULL DEFAULT 'experiment'
    CHECK (record_kind IN ('experiment', 'actor', 'event'))
) STRICT;
INSERT INTO search_outbox_0016 (seq, experiment_id, revision, target, enqueued_at, attempts,
  next_attempt_at, last_error, record_kind)
SELECT seq, experiment_id, revision, target, enqueued_at, attempts, next_attempt_at,
  last_error, record_kind FROM search_outbox;
DROP TABLE search_outbox;
ALTER TABLE search_outbox_0016 RENAME TO search_outbox;
CREATE INDEX search_outbox_due ON search_outbox (target, next_attempt_at, seq);
CREATE INDEX search_outbox_kind_due ON search_outbox (target, record_kind, next_attempt_at, seq);
