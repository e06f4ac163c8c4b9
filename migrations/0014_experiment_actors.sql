-- Migration number: 0014 	 Links between experiments and actors (porteur, partners); where actors are, with every territory above.

-- Derived from each experiment's content (`lead.actorId`, `partners[].actorId`), rewritten
-- in the same batch as every write of the experiment, so an actor's page finds its
-- experiments by index instead of reading every record's JSON.
CREATE TABLE experiment_actors (
  experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL,                -- an actors.id (no foreign key: a link may name an actor merged or removed since)
  role TEXT NOT NULL CHECK (role IN ('lead', 'partner')),
  PRIMARY KEY (experiment_id, actor_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX experiment_actors_actor ON experiment_actors (actor_id, role, experiment_id);

-- Where each actor is, with every territory above (typed codes: its communes, their EPCI,
-- départements and régions), written with each write of the actor. "Qui peut m'aider ?"
-- ranks by the closest level an actor shares with the asker's place; the derived
-- départements of `actor_territories` cannot say it (a région covers all its départements
-- without being "in" any of them).
CREATE TABLE actor_places (
  actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  place TEXT NOT NULL,
  PRIMARY KEY (actor_id, place)
) STRICT, WITHOUT ROWID;
CREATE INDEX actor_places_place ON actor_places (place, actor_id);
