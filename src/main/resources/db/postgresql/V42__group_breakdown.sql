-- Issue 16: a group is a value of a breakdown (redovisningsgrupp): "Kön" for Kvinnor/Män/Flickor/Pojkar, "Ålder"
-- for "16-29 år", "Typ av huvudman" for "Kommunal" …; the total "Totalt" belongs to every breakdown. Plain SQL
-- (ADD COLUMN, UPDATE) so the same migration runs on PostgreSQL. Groups stored before get the breakdown the
-- program infers from the label when it reads a NULL here.
ALTER TABLE obs_group ADD COLUMN breakdown TEXT;
UPDATE obs_group SET breakdown = 'Kön' WHERE label IN ('Kvinnor', 'Män', 'Flickor', 'Pojkar');
UPDATE obs_group SET breakdown = 'Totalt' WHERE label = 'Totalt';
