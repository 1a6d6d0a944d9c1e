-- Schema version 45 (issue 18, curation). Where an imported measure sits (survey, question, measure: the
-- Nyckeltal tree source → survey → question → measure) and what Hälsoläge suggests for it from the question
-- text or the Kolada KPI: direction, SfH area and goal, målområden ("2;7"), and on what the suggestion rests.
-- A suggestion is not used by analysis or the plan until the user confirms it (then it moves into the
-- ordinary columns and these are cleared). Plain ALTER TABLE ... ADD COLUMN, portable to PostgreSQL.
ALTER TABLE indicators ADD COLUMN survey TEXT;
ALTER TABLE indicators ADD COLUMN question TEXT;
ALTER TABLE indicators ADD COLUMN measure TEXT;
ALTER TABLE indicators ADD COLUMN suggested_direction TEXT;
ALTER TABLE indicators ADD COLUMN suggested_sfh_area TEXT;
ALTER TABLE indicators ADD COLUMN suggested_sfh_goal INTEGER;
ALTER TABLE indicators ADD COLUMN suggested_malomraden TEXT;
ALTER TABLE indicators ADD COLUMN suggestion_basis TEXT;
