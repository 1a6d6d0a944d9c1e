-- Schema version 2: remember which catalogue indicators the user has edited, so a catalogue
-- refresh never overwrites the coordinator's own goal mapping, direction or titles.
ALTER TABLE indicators ADD COLUMN user_edited INTEGER NOT NULL DEFAULT 0;
