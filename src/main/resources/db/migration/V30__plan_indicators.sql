-- The plan's indicator set (issue 19). By default the plan shows the Strategi för hälsa set plus every
-- indicator linked to an initiative or a target; this table holds the user's choices on top of that:
-- included = 1 added, 0 removed. With settings.plan_indicators = 'explicit' the default set is ignored
-- and only the rows with included = 1 are in the plan (report --indicators ID,…).
CREATE TABLE plan_indicators (
    indicator_id TEXT PRIMARY KEY REFERENCES indicators(id) ON DELETE CASCADE ON UPDATE CASCADE,
    included     INTEGER NOT NULL CHECK (included IN (0, 1))
);
