-- Schema version 53 (issue 22, optimistic concurrency): every initiative carries a version that each save
-- raises by one. An edit made from what was read at version N is written only while the row is still at N
-- (UPDATE … WHERE id=? AND version=?); otherwise someone else changed it in between and the edit is refused
-- (InitiativeRepository.EditConflict), so two coordinators on one county workbook never overwrite each other
-- unseen. Existing rows start at version 1. Plain SQL that both SQLite and PostgreSQL read.
ALTER TABLE initiatives ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
