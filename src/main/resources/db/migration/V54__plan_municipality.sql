-- Schema version 54 (issue 22, point 1, first step): an initiative belongs to a municipality's plan. A .halsa
-- workbook holds one municipality's plan, so its initiatives get the own municipality (settings 'municipality')
-- and new ones get it too (trigger); nothing reads the column on SQLite, so the file behaves as before. On a
-- county workbook on PostgreSQL (db/postgresql/V54) the column is what row-level security filters on.
-- coordinators maps a PostgreSQL role to the municipality whose plan it edits; on SQLite it stays empty.
ALTER TABLE initiatives ADD COLUMN municipality_id TEXT;
UPDATE initiatives SET municipality_id = (SELECT value FROM settings WHERE key = 'municipality');
CREATE TRIGGER initiatives_municipality AFTER INSERT ON initiatives WHEN NEW.municipality_id IS NULL
BEGIN
    UPDATE initiatives SET municipality_id = (SELECT value FROM settings WHERE key = 'municipality') WHERE id = NEW.id;
END;
CREATE TABLE coordinators (
    role_name       TEXT PRIMARY KEY,
    municipality_id TEXT NOT NULL
);
