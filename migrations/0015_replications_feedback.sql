-- Migration number: 0015 	 How practices spread: replications, « inspirée de » links, feedback.

-- « Nous l'avons reproduite » : a territory declares it reproduced a published practice.
-- Declared without an account, so every row waits for a moderator (`pending`); only
-- `approved` rows are public and count toward the source's « adoptée par » figure.
CREATE TABLE replications (
  id TEXT PRIMARY KEY,                   -- ULID
  source_id TEXT NOT NULL REFERENCES experiments (id),
  adopter_id TEXT REFERENCES experiments (id),   -- the adopter's own record here, if any
  territory TEXT NOT NULL,               -- typed code of the adopting territory (checked against the reference)
  region TEXT,                           -- INSEE code of that territory's région (statistics)
  declarant_name TEXT NOT NULL,          -- the collectivité or actor that declares it
  declarant_kind TEXT NOT NULL,          -- a lead kind (commune, epci, association…)
  actor_id TEXT,                         -- an actor of the network, when known (no FK: actors are a separate concept)
  relation TEXT NOT NULL CHECK (relation IN ('replicated', 'adapted', 'inspired')),
  progress TEXT NOT NULL CHECK (progress IN ('planned', 'in-progress', 'done', 'abandoned')),
  start_date TEXT,                       -- AAAA, AAAA-MM or AAAA-MM-JJ
  adaptations TEXT NOT NULL CHECK (length(adaptations) <= 2000),
  link TEXT,                             -- its own page elsewhere
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  reason TEXT,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (adopter_id IS NULL OR adopter_id != source_id)
) STRICT;
CREATE INDEX replications_source ON replications (source_id, status);
CREATE INDEX replications_adopter ON replications (adopter_id, status) WHERE adopter_id IS NOT NULL;
CREATE INDEX replications_status ON replications (status, created_at, id);
CREATE INDEX replications_region ON replications (status, region);

-- The `inspiredBy` links of every experiment as rows, so « essaimée à » (who cites a
-- record) is an index lookup rather than a JSON scan of the whole catalogue. Kept by
-- triggers, whatever code path writes the record.
CREATE TABLE experiment_inspirations (
  experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  PRIMARY KEY (experiment_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX experiment_inspirations_source ON experiment_inspirations (source_id, experiment_id);

INSERT INTO experiment_inspirations (experiment_id, source_id)
  SELECT DISTINCT e.id, j.value FROM experiments e, json_each(e.data, '$.inspiredBy') j
  WHERE json_type(e.data, '$.inspiredBy') = 'array';

CREATE TRIGGER experiment_inspirations_on_insert AFTER INSERT ON experiments
WHEN json_type(NEW.data, '$.inspiredBy') = 'array'
BEGIN
  INSERT OR IGNORE INTO experiment_inspirations (experiment_id, source_id)
    SELECT NEW.id, value FROM json_each(NEW.data, '$.inspiredBy');
END;

CREATE TRIGGER experiment_inspirations_on_update AFTER UPDATE OF data ON experiments
BEGIN
  DELETE FROM experiment_inspirations WHERE experiment_id = NEW.id;
  INSERT OR IGNORE INTO experiment_inspirations (experiment_id, source_id)
    SELECT NEW.id, value FROM json_each(NEW.data, '$.inspiredBy')
    WHERE json_type(NEW.data, '$.inspiredBy') = 'array';
END;

-- Retours d'expérience: structured feedback on a published practice. Pre-moderated;
-- a published one can be reported by readers, which sends it back to the desk.
CREATE TABLE feedback (
  id TEXT PRIMARY KEY,                   -- ULID
  experiment_id TEXT NOT NULL REFERENCES experiments (id),
  role TEXT NOT NULL CHECK (role IN ('lead', 'adopter', 'partner', 'user', 'observer')),
  territory TEXT,                        -- typed code, optional
  author_name TEXT NOT NULL,             -- how the author signs (organisation or first name)
  tried TEXT NOT NULL,
  worked TEXT NOT NULL,
  did_not_work TEXT NOT NULL,
  recommend TEXT NOT NULL CHECK (recommend IN ('yes', 'rather-yes', 'rather-no', 'no')),
  arguments_for TEXT NOT NULL,           -- JSON array of short strings
  arguments_against TEXT NOT NULL,       -- JSON array of short strings
  status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  reports INTEGER NOT NULL DEFAULT 0,    -- readers' reports since the last decision
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  reason TEXT,
  CHECK (json_valid(arguments_for) AND json_valid(arguments_against))
) STRICT;
CREATE INDEX feedback_experiment ON feedback (experiment_id, status);
CREATE INDEX feedback_status ON feedback (status, created_at, id);
CREATE INDEX feedback_reported ON feedback (reports) WHERE reports > 0;
