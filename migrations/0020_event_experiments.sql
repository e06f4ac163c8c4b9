-- Migration number: 0020 	 Experiments each event presented or inspired (from its restitution), so an experiment's page finds its events by index.

-- Derived from the published restitution of each event (`restitution.experiments`),
-- rewritten with every write of the event, like `event_actors`: an experiment's page lists
-- the events where it was presented or that it inspired without reading every event's JSON.
CREATE TABLE event_experiments (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  experiment_id TEXT NOT NULL,           -- an experiments.id (no foreign key: like event_actors)
  relation TEXT NOT NULL CHECK (relation IN ('presented', 'inspired')),
  PRIMARY KEY (event_id, experiment_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_experiments_experiment ON event_experiments (experiment_id, event_id);

-- Restitutions already written before this migration.
INSERT INTO event_experiments (event_id, experiment_id, relation)
SELECT e.id, json_extract(x.value, '$.experimentId'), json_extract(x.value, '$.relation')
FROM events e, json_each(e.restitution, '$.experiments') x
WHERE e.restitution IS NOT NULL;
