-- Migration number: 0003 	 Bulk import (source identifiers) and territory centroids (GeoJSON).

-- Which experiment a producer's record became, so re-importing the same file updates
-- the fiche instead of duplicating it. Kept outside `experiments` so the catalogue
-- table stays the same for every reader; one source id maps to one experiment.
CREATE TABLE experiment_sources (
  source_id TEXT PRIMARY KEY,            -- the producer's stable identifier (or an exported id)
  experiment_id TEXT NOT NULL UNIQUE REFERENCES experiments (id),
  created_at TEXT NOT NULL
) STRICT;

-- Representative point of a territory (WGS 84), for the GeoJSON export. Kept apart from
-- `territories` because the reference loader replaces that table wholesale; no offline
-- source of centroids ships with the project yet, so this table starts empty and the
-- GeoJSON export writes unlocated features (geometry null, RFC 7946 §3.2) until it is filled.
CREATE TABLE territory_centroids (
  code TEXT PRIMARY KEY,                 -- typed code: com:35238, epci:…, dep:35, reg:53
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  source TEXT NOT NULL                   -- where the point comes from, e.g. 'geo.api.gouv.fr centre 2025'
) STRICT;
