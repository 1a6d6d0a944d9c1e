-- Schema version 40 (issue 18, the workbook at real volume): observations stored compactly.
-- One Skolenkäten import (568 608 values) took about 250 bytes a value: long text indicator ids repeated in
-- every row and again in the unique index, and a provenance text ("Blad!KR42") in every row.
-- Now the key parts are small integers from dictionary tables, the table is clustered on the series key
-- (WITHOUT ROWID: the primary key is the table, no second copy of the key), the status is a small integer
-- and the provenance is stored once per source and sheet (obs_origin) with the cell's row and column
-- letters per value. The view "observations" gives the old columns back, for reading.
-- Uniqueness: one value per (indicator, area, group, period) as before; a period is its label with its years.
CREATE TABLE obs_indicator (
    k  INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES indicators(id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE obs_area (
    k  INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE
);
CREATE TABLE obs_group (
    k     INTEGER PRIMARY KEY,
    label TEXT NOT NULL UNIQUE
);
CREATE TABLE obs_period (
    k          INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,
    start_year INTEGER NOT NULL,
    end_year   INTEGER NOT NULL,
    UNIQUE (label, start_year, end_year)
);
-- Where values came from: the source and the location's common part (for a spreadsheet "Blad!", for Kolada
-- the page URL); a value adds the cell's column letters and row number when its location had them.
-- location is NULL for values stored without a location.
CREATE TABLE obs_origin (
    k         INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    location  TEXT
);
CREATE INDEX obs_origin_source ON obs_origin(source_id, location);
-- status: 0 ok, 1 suppressed, 2 missing, 3 not_applicable (0 and 1 take no bytes in SQLite's record format)
CREATE TABLE obs (
    ind     INTEGER NOT NULL REFERENCES obs_indicator(k) ON DELETE CASCADE,
    area    INTEGER NOT NULL,
    grp     INTEGER NOT NULL,
    period  INTEGER NOT NULL,
    value   REAL,
    n       INTEGER,
    ci_low  REAL,
    ci_high REAL,
    status  INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3),
    marker  TEXT,
    origin  INTEGER NOT NULL,
    col     TEXT,
    row     INTEGER,
    CHECK ((status = 0) = (value IS NOT NULL)),
    PRIMARY KEY (ind, area, grp, period)
) WITHOUT ROWID;

INSERT INTO obs_indicator(id) SELECT DISTINCT indicator_id FROM observations ORDER BY indicator_id;
INSERT INTO obs_area(id) SELECT DISTINCT area_id FROM observations ORDER BY area_id;
INSERT INTO obs_group(label) SELECT DISTINCT grp FROM observations ORDER BY grp;
INSERT INTO obs_period(label, start_year, end_year)
    SELECT DISTINCT period, start_year, end_year FROM observations ORDER BY end_year, start_year, period;

-- A location "prefix!AB12" is split into "prefix!", "AB" and 12 when it ends exactly so (1-3 capital letters,
-- a row number without leading zeros, so the text comes back unchanged); any other location is kept whole in
-- obs_origin. ObservationStore.split does the same for new values.
CREATE TEMP TABLE obs_split AS
SELECT id, source_id,
       CASE WHEN ok THEN p ELSE location END AS loc,
       CASE WHEN ok THEN letters END AS col,
       CASE WHEN ok THEN CAST(rowtext AS INTEGER) END AS row
FROM (SELECT id, source_id, location, p, letters, rowtext,
             (location IS NOT NULL AND substr(p, -1) = '!' AND length(letters) BETWEEN 1 AND 3
              AND length(rowtext) BETWEEN 1 AND 9 AND substr(rowtext, 1, 1) <> '0') AS ok
      FROM (SELECT id, source_id, location, rtrim(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') AS p,
                   substr(r, length(rtrim(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')) + 1) AS letters,
                   substr(location, length(r) + 1) AS rowtext
            FROM (SELECT id, source_id, location, rtrim(location, '0123456789') AS r FROM observations)));

INSERT INTO obs_origin(source_id, location) SELECT DISTINCT source_id, loc FROM obs_split ORDER BY source_id, loc;

INSERT INTO obs(ind, area, grp, period, value, n, ci_low, ci_high, status, marker, origin, col, row)
SELECT i.k, a.k, g.k, p.k, o.value, o.n, o.ci_low, o.ci_high,
       CASE o.status WHEN 'ok' THEN 0 WHEN 'suppressed' THEN 1 WHEN 'missing' THEN 2 ELSE 3 END,
       o.marker, r.k, s.col, s.row
FROM observations o
JOIN obs_split s ON s.id = o.id
JOIN obs_indicator i ON i.id = o.indicator_id
JOIN obs_area a ON a.id = o.area_id
JOIN obs_group g ON g.label = o.grp
JOIN obs_period p ON p.label = o.period AND p.start_year = o.start_year AND p.end_year = o.end_year
JOIN obs_origin r ON r.source_id = s.source_id AND r.location IS s.loc
ORDER BY i.k, a.k, g.k, p.k;

DROP TABLE obs_split;
DROP TABLE observations;

-- The old columns, for reading (and for code written against them); writes go to obs.
CREATE VIEW observations AS
SELECT i.id AS indicator_id, a.id AS area_id, p.label AS period, p.start_year, p.end_year, g.label AS grp,
       o.value, o.n, o.ci_low, o.ci_high,
       CASE o.status WHEN 0 THEN 'ok' WHEN 1 THEN 'suppressed' WHEN 2 THEN 'missing' ELSE 'not_applicable' END AS status,
       o.marker, r.source_id,
       CASE WHEN o.col IS NULL THEN r.location ELSE r.location || o.col || o.row END AS location
FROM obs o
JOIN obs_indicator i ON i.k = o.ind
JOIN obs_area a ON a.k = o.area
JOIN obs_group g ON g.k = o.grp
JOIN obs_period p ON p.k = o.period
JOIN obs_origin r ON r.k = o.origin;
