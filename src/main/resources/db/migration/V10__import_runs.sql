-- Schema version 10 (importer): what the last imports did, so "undo last import" can restore the
-- previous values honestly. One row per import; one undo row per observation that existed before the
-- import touched it (its previous state), and, when the import reused an existing source, one row per
-- observation it added (existed = 0) so undo can remove exactly those.
CREATE TABLE import_runs (
    id           INTEGER PRIMARY KEY,
    file         TEXT NOT NULL,
    recipe       TEXT,
    imported_at  TEXT NOT NULL,
    new_sources  TEXT NOT NULL DEFAULT '',
    all_sources  TEXT NOT NULL DEFAULT '',
    summary      TEXT,
    undone       INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE import_undo (
    run_id       INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
    existed      INTEGER NOT NULL,
    indicator_id TEXT NOT NULL,
    area_id      TEXT NOT NULL,
    period       TEXT NOT NULL,
    start_year   INTEGER,
    end_year     INTEGER,
    grp          TEXT NOT NULL,
    value        REAL,
    n            INTEGER,
    ci_low       REAL,
    ci_high      REAL,
    status       TEXT,
    marker       TEXT,
    source_id    INTEGER,
    location     TEXT
);
CREATE INDEX import_undo_run ON import_undo(run_id);
