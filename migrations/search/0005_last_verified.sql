-- Migration number: 0005 	 Embedded search: when each document was last verified, for the « à vérifier » filter.
-- The filter compares with a cutoff that moves every day (18 months before now:
-- worker/domain/freshness.ts), so it cannot be a stored facet value: it is a range test on
-- this column. NULL: never verified. Rows indexed before the hit carried the date stay NULL
-- (counted as « à vérifier ») until `npm run reindex`.
ALTER TABLE search_documents ADD COLUMN last_verified_at TEXT;

UPDATE search_documents SET last_verified_at = hit ->> '$.lastVerifiedAt';

CREATE INDEX search_documents_last_verified ON search_documents (last_verified_at);
