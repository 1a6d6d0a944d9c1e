-- What an import created besides its sources, so that undoing it can take those back too
-- (only when nothing else uses them by then).
ALTER TABLE import_runs ADD COLUMN new_indicators TEXT NOT NULL DEFAULT '';
ALTER TABLE import_runs ADD COLUMN new_areas TEXT NOT NULL DEFAULT '';
