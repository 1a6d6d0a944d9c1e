-- Schema version 41 (issue 18, curation): an indicator can be hidden (archived). It keeps its values, targets
-- and links, but lists, pickers, search, analysis and the plan skip it until it is shown again.
ALTER TABLE indicators ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
