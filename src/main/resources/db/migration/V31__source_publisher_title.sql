-- Publisher-grade sources (issue 19): who published the data and the title of the publication,
-- e.g. "Skolinspektionen" / "Skolenkäten 2022". Suggested at import from the recipe, editable.
-- The file name, sheet and import date stay as provenance.
ALTER TABLE sources ADD COLUMN publisher TEXT;
ALTER TABLE sources ADD COLUMN title TEXT;
