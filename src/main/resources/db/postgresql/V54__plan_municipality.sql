-- Schema version 54 (issue 22, points 1 and 3, first step), PostgreSQL twin: initiatives carry the municipality
-- whose plan they belong to, and row-level security lets a coordinator role (mapped in coordinators) see and
-- change only its own municipality's initiatives and their links. The schema's owner (the analyst role that
-- creates the workbook, imports and fetches) is not subject to the policies and sees every plan. Shared data
-- (indicators, observations, sources, areas…) has no policy: whoever may SELECT it reads all of it. The roles and
-- GRANTs themselves are the region's (cluster-wide, not part of a schema): docs/postgresql.md.
ALTER TABLE initiatives ADD COLUMN municipality_id TEXT;
UPDATE initiatives SET municipality_id = (SELECT value FROM settings WHERE key = 'municipality');

CREATE TABLE coordinators (
    role_name       TEXT PRIMARY KEY,
    municipality_id TEXT NOT NULL
);

-- The connecting role's municipality, else (the analyst/owner) the workbook's own municipality setting.
-- search_path is pinned to this schema, so the function finds its tables whatever the caller's path is.
CREATE FUNCTION plan_municipality() RETURNS TEXT LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT COALESCE((SELECT municipality_id FROM coordinators WHERE role_name = current_user),
                    (SELECT value FROM settings WHERE key = 'municipality'))
$$;
ALTER TABLE initiatives ALTER COLUMN municipality_id SET DEFAULT plan_municipality();

ALTER TABLE initiatives ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_plan ON initiatives
    USING (municipality_id = (SELECT c.municipality_id FROM coordinators c WHERE c.role_name = current_user))
    WITH CHECK (municipality_id = (SELECT c.municipality_id FROM coordinators c WHERE c.role_name = current_user));

-- The links follow their initiative: the subquery on initiatives is itself filtered by own_plan.
ALTER TABLE initiative_indicators ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_plan ON initiative_indicators USING (EXISTS (SELECT 1 FROM initiatives i WHERE i.id = initiative_id));
ALTER TABLE initiative_malomraden ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_plan ON initiative_malomraden USING (EXISTS (SELECT 1 FROM initiatives i WHERE i.id = initiative_id));
ALTER TABLE initiative_target_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_plan ON initiative_target_groups USING (EXISTS (SELECT 1 FROM initiatives i WHERE i.id = initiative_id));
ALTER TABLE initiative_partners ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_plan ON initiative_partners USING (EXISTS (SELECT 1 FROM initiatives i WHERE i.id = initiative_id));
ALTER TABLE initiative_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_plan ON initiative_notes USING (EXISTS (SELECT 1 FROM initiatives i WHERE i.id = initiative_id));
