-- Migration number: 0004 	 Covering index for the territorial statistics.
-- The statistics read a handful of columns of every published experiment. Through this
-- index they never touch the table rows, which carry the JSON content (kilobytes each):
-- at 100k experiments, the filtering step went from reading ~450 MB of pages to ~10 MB.
-- `id` comes right after `status` so the same index also serves lookups by id among
-- published experiments.
CREATE INDEX experiments_stats ON experiments (
  status, id, lead_kind, stage, evidence_level, start_year, budget_eur, people_reached
);
