-- Migration number: 0012 	 Territory geography: centroid, area, population band and density class.
-- Filled by the territory reference loader (scripts/lib/territory-reference.ts) from the
-- shipped IGN Admin Express COG 2018 centroids (data/geo/centroids/). They live on the
-- territory row, which the loader replaces wholesale, so one load brings all of them.
ALTER TABLE territories ADD COLUMN lon REAL CHECK (lon BETWEEN -180 AND 180);
ALTER TABLE territories ADD COLUMN lat REAL CHECK (lat BETWEEN -90 AND 90);
-- Where the point comes from: 'own' (the territory's centroid), 'members' (an EPCI's
-- population-weighted member communes), 'department' (a commune missing from the 2018
-- source, placed at its département's centroid).
ALTER TABLE territories ADD COLUMN point_source TEXT
  CHECK (point_source IN ('own', 'members', 'department'));
ALTER TABLE territories ADD COLUMN area_km2 REAL;
-- worker/domain/territory-size.ts: bands and classes, computed by the loader.
ALTER TABLE territories ADD COLUMN population_band TEXT;
ALTER TABLE territories ADD COLUMN density_class TEXT;

-- Replaced by the columns above; never filled (no centroid source shipped until now).
DROP TABLE territory_centroids;

-- Records written before this migration get the two new derived fields, empty; the
-- loader then fills them from the reference (and queues their reindex).
UPDATE experiments SET derived = json_set(derived, '$.point', json('null'), '$.territorySize', json('null'))
WHERE json_type(derived, '$.point') IS NULL;
