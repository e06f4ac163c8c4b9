-- Migration number: 0001 	 Territory reference (communes, EPCI, départements, régions).
-- Loaded from @etalab/decoupage-administratif by scripts/load-territories.ts; the vintage
-- of the loaded data is recorded in territory_reference.

CREATE TABLE territories (
  code TEXT PRIMARY KEY,                 -- typed code: com:35238, epci:243500139, dep:35, reg:53
  kind TEXT NOT NULL CHECK (kind IN ('com', 'epci', 'dep', 'reg')),
  insee TEXT NOT NULL,                   -- the code without its type prefix
  name TEXT NOT NULL,
  search_name TEXT NOT NULL,             -- lower case, accents and punctuation folded, for autocomplete
  department TEXT,                       -- INSEE code of the département (com, epci: main one)
  region TEXT,                           -- INSEE code of the région
  population INTEGER,                    -- population municipale (sum of communes above commune level)
  communes_count INTEGER,                -- communes in this territory (epci, dep, reg)
  epci_count INTEGER,                    -- EPCI with at least one member in this territory (dep, reg)
  zone TEXT,                             -- metro, drom, com (collectivités d'outre-mer)
  epci_type TEXT                         -- CC, CA, CU, METRO, MET69 for EPCI
) STRICT;

CREATE INDEX territories_kind_name ON territories (kind, search_name);
CREATE INDEX territories_search_name ON territories (search_name);
CREATE INDEX territories_department ON territories (kind, department);
CREATE INDEX territories_region ON territories (kind, region);

-- Members of each EPCI (communes), so coverage of an EPCI resolves to communes.
CREATE TABLE epci_members (
  epci TEXT NOT NULL,                    -- epci:SIREN
  commune TEXT NOT NULL,                 -- com:INSEE
  PRIMARY KEY (epci, commune)
) STRICT, WITHOUT ROWID;

CREATE INDEX epci_members_commune ON epci_members (commune);

CREATE TABLE territory_reference (
  key TEXT PRIMARY KEY,                  -- source, version, vintage, loaded_at
  value TEXT NOT NULL
) STRICT;
