-- Why an initiative exists (issue 19): what the data showed and what was decided, written as prose
-- into "Arbete <år>" before the description and this year's work.
ALTER TABLE initiatives ADD COLUMN background TEXT;
