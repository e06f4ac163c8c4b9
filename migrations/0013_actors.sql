-- Migration number: 0013 	 Actors of the network (structures and places), their skills, revisions, and the outbox by record kind.

-- Current state of each actor, with the experiments' lifecycle columns (moderation, soft
-- delete, merges) so the same moderation statements serve both. Content lives in `data`
-- (ActorContent, public fields only); columns repeat what filters and lists need.
CREATE TABLE actors (
  id TEXT PRIMARY KEY,                   -- ULID
  slug TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN
    ('pending', 'changes_requested', 'published', 'rejected', 'unpublished', 'merged')),
  revision INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  scope_level TEXT NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),           -- ActorContent
  derived TEXT NOT NULL CHECK (json_valid(derived)),     -- Derived (territory names, régions…)
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
  CHECK (deleted_at IS NULL OR status <> 'published'),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
  CHECK ((deleted_at IS NULL) = (status_before_delete IS NULL)),
  CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
  CHECK (merged_into IS NULL OR merged_into <> id)
) STRICT;
CREATE INDEX actors_published ON actors (status, published_at DESC, id DESC);
CREATE INDEX actors_status_created ON actors (status, created_at, id);
CREATE INDEX actors_edit_token ON actors (edit_token_hash);
CREATE INDEX actors_merged_into ON actors (merged_into) WHERE merged_into IS NOT NULL;

-- What each actor offers and needs (skill codes and their families), for the list's
-- filters; the search indexes carry the same facets.
CREATE TABLE actor_skills (
  actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  direction TEXT NOT NULL CHECK (direction IN ('offer', 'need')),
  skill TEXT NOT NULL,                   -- a skill code or its family code
  PRIMARY KEY (actor_id, direction, skill)
) STRICT, WITHOUT ROWID;
CREATE INDEX actor_skills_skill ON actor_skills (direction, skill, actor_id);

-- Territories an actor declares, plus the derived départements and régions (`declared` = 0).
CREATE TABLE actor_territories (
  actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  territory TEXT NOT NULL,
  declared INTEGER NOT NULL CHECK (declared IN (0, 1)),
  PRIMARY KEY (actor_id, territory)
) STRICT, WITHOUT ROWID;
CREATE INDEX actor_territories_territory ON actor_territories (territory, actor_id);

-- Append-only history of each actor, like experiment_revisions.
CREATE TABLE actor_revisions (
  actor_id TEXT NOT NULL REFERENCES actors (id),
  revision INTEGER NOT NULL,
  action TEXT NOT NULL,
  status TEXT NOT NULL,
  actor TEXT NOT NULL,                   -- who: 'submitter' or 'moderator:<name>'
  reason TEXT,
  data TEXT NOT NULL CHECK (json_valid(data)),
  created_at TEXT NOT NULL,
  PRIMARY KEY (actor_id, revision)
) STRICT;

CREATE TRIGGER actor_revisions_append_only_update BEFORE UPDATE ON actor_revisions
BEGIN
  SELECT RAISE(ABORT, 'actor_revisions is append-only');
END;
CREATE TRIGGER actor_revisions_append_only_delete BEFORE DELETE ON actor_revisions
BEGIN
  SELECT RAISE(ABORT, 'actor_revisions is append-only');
END;

-- One outbox for every kind of record: `experiment_id` holds the id of the record of
-- `record_kind` (the column keeps its name so the rows already queued stay valid).
ALTER TABLE search_outbox ADD COLUMN record_kind TEXT NOT NULL DEFAULT 'experiment'
  CHECK (record_kind IN ('experiment', 'actor'));
CREATE INDEX search_outbox_kind_due ON search_outbox (target, record_kind, next_attempt_at, seq);
