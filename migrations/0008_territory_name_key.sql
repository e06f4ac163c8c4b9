-- Migration number: 0008 	 Territories by name: a lookup key per reference name.
-- The key is the folded name without its intercommunality form ("CC du Pays de Redon" →
-- "pays de redon"), computed by worker/domain/territory-names.ts when the reference is
-- loaded, so resolving a typed name is an indexed equality or prefix match.

ALTER TABLE territories ADD COLUMN name_key TEXT NOT NULL DEFAULT '';

CREATE INDEX territories_name_key ON territories (name_key, kind);
