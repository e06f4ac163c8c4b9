-- Migration number: 0009 	 Owner edits: proposals store a field-level change set and a message; owner replies.

-- The fields the owner changed, as [{ "field": "narrative.advice", "after": … }] (an absent
-- `after` removes the field). Approval applies them to the record as it then stands, so a
-- proposal never touches a field the owner left alone. NULL on proposals made before this
-- migration: those are applied whole, as they were.
ALTER TABLE proposals ADD COLUMN changes TEXT CHECK (changes IS NULL OR json_valid(changes));
-- What the owner wrote to the moderators with this edit (optional, never published).
ALTER TABLE proposals ADD COLUMN message TEXT CHECK (message IS NULL OR length(message) <= 2000);

-- The owner's answers to a request for changes, shown to moderators on the desk next to
-- the request they answer. Private: never published, exported or indexed.
CREATE TABLE owner_replies (
  id INTEGER PRIMARY KEY,
  experiment_id TEXT NOT NULL REFERENCES experiments (id),
  revision INTEGER NOT NULL,              -- the revision the answering edit produced
  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 2000),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX owner_replies_experiment ON owner_replies (experiment_id, id);
