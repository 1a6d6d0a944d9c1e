-- Schema version 19 (performance): observations keep two indexes instead of four.
-- Every observation insert updated five B-trees (table, unique key, series, source, area); a 1 000 000-row
-- import spent most of its time there (measured with the sqlite3 shell: 11,1 s for the old schema against
-- 3,3 s for this one on the same rows). The unique key now lists its columns in series order
-- (indicator, area, group, period), so it also serves series reads: one area's series and all areas of an
-- indicator read it by prefix, and only the few periods inside one area and group are sorted.
-- The area index went too: reads by area go through the indicators (see ObservationRepository.forArea).
-- Uniqueness is unchanged: still one row per (indicator, area, period label, group).
CREATE TABLE observations_v19 (
    id           INTEGER PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE ON UPDATE CASCADE,
    area_id      TEXT NOT NULL,
    period       TEXT NOT NULL,
    start_year   INTEGER NOT NULL,
    end_year     INTEGER NOT NULL,
    grp          TEXT NOT NULL DEFAULT 'Totalt',
    value        REAL,
    n            INTEGER,
    ci_low       REAL,
    ci_high      REAL,
    status       TEXT NOT NULL CHECK (status IN ('ok', 'suppressed', 'missing', 'not_applicable')),
    marker       TEXT,
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    location     TEXT,
    CHECK ((status = 'ok') = (value IS NOT NULL)),
    UNIQUE (indicator_id, area_id, grp, period)
);
INSERT INTO observations_v19(id, indicator_id, area_id, period, start_year, end_year, grp, value, n, ci_low, ci_high,
                             status, marker, source_id, location)
    SELECT id, indicator_id, area_id, period, start_year, end_year, grp, value, n, ci_low, ci_high,
           status, marker, source_id, location FROM observations ORDER BY id;
DROP TABLE observations;
ALTER TABLE observations_v19 RENAME TO observations;
CREATE INDEX observations_source ON observations(source_id);
