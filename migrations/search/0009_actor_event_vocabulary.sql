-- Migration number: 0009 	 Embedded search: the actors' and events' own vocabularies (typo tolerance), as the experiments' (0003).
-- Query words no actor (or event) holds are corrected to the indexed words one or two typos
-- away, read from the kind's own index: the experiments' words would correct « mediatheque »
-- toward words no actor holds. fts5vocab tables read the FTS5 index as it is: nothing to fill.
CREATE VIRTUAL TABLE actor_vocabulary USING fts5vocab(actor_fts, 'col');
CREATE VIRTUAL TABLE event_vocabulary USING fts5vocab(event_fts, 'col');
