-- An actor's contributions count the replications it declared (approved ones), and its
-- page lists them: both read replications by actor_id, for every actor of a territory's
-- contributors page, so they need an index rather than a scan per actor.
CREATE INDEX replications_actor ON replications (actor_id, status) WHERE actor_id IS NOT NULL;
