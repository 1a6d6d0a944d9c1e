-- Hälsoläge workbook, schema version 1.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE indicators (
    id                 TEXT PRIMARY KEY,
    title              TEXT NOT NULL,
    short_title        TEXT,
    unit               TEXT NOT NULL,
    direction          TEXT NOT NULL,
    source             TEXT,
    gender_split       INTEGER NOT NULL DEFAULT 0,
    grade              TEXT,
    sfh_area           TEXT,
    sfh_goal           INTEGER,
    mapping_confidence TEXT,
    description        TEXT,
    sort_order         INTEGER
);

CREATE TABLE indicator_malomraden (
    indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE ON UPDATE CASCADE,
    malomrade    INTEGER NOT NULL CHECK (malomrade BETWEEN 1 AND 8),
    PRIMARY KEY (indicator_id, malomrade)
);

CREATE TABLE sfh_goals (
    number   INTEGER PRIMARY KEY,
    area     TEXT NOT NULL,
    wording  TEXT NOT NULL
);

CREATE TABLE areas (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    parent_id   TEXT,
    county_code TEXT
);
CREATE INDEX areas_name ON areas(name COLLATE NOCASE);

CREATE TABLE area_members (
    group_id  TEXT NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL,
    PRIMARY KEY (group_id, member_id)
);

CREATE TABLE sources (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    sha256       TEXT,
    sheet        TEXT,
    recipe       TEXT,
    imported_at  TEXT NOT NULL,
    request      TEXT,
    rows_added   INTEGER NOT NULL DEFAULT 0,
    rows_updated INTEGER NOT NULL DEFAULT 0,
    rows_skipped INTEGER NOT NULL DEFAULT 0,
    note         TEXT
);

CREATE TABLE observations (
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
    UNIQUE (indicator_id, area_id, period, grp)
);
CREATE INDEX observations_series ON observations(indicator_id, area_id, grp, end_year);
CREATE INDEX observations_source ON observations(source_id);
CREATE INDEX observations_area ON observations(area_id, indicator_id);

CREATE TABLE initiatives (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    description  TEXT,
    kind         TEXT NOT NULL,
    work_group   TEXT,
    responsible  TEXT,
    start_year   INTEGER,
    end_year     INTEGER,
    status       TEXT NOT NULL,
    maturity     INTEGER CHECK (maturity BETWEEN 1 AND 4),
    quality_step INTEGER CHECK (quality_step BETWEEN 1 AND 8)
);
CREATE TABLE initiative_indicators (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    indicator_id  TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE ON UPDATE CASCADE,
    PRIMARY KEY (initiative_id, indicator_id)
);
CREATE TABLE initiative_malomraden (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    malomrade     INTEGER NOT NULL CHECK (malomrade BETWEEN 1 AND 8),
    PRIMARY KEY (initiative_id, malomrade)
);
CREATE TABLE initiative_target_groups (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    target_group  TEXT NOT NULL,
    PRIMARY KEY (initiative_id, target_group)
);
CREATE TABLE initiative_partners (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    partner       TEXT NOT NULL,
    PRIMARY KEY (initiative_id, position)
);
CREATE TABLE initiative_notes (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    note          TEXT NOT NULL,
    PRIMARY KEY (initiative_id, year)
);

CREATE TABLE targets (
    id             INTEGER PRIMARY KEY,
    indicator_id   TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE ON UPDATE CASCADE,
    area_id        TEXT,
    grp            TEXT NOT NULL DEFAULT 'Totalt',
    baseline_year  INTEGER NOT NULL,
    baseline_value REAL,
    change_per_year REAL,
    target_value   REAL,
    horizon_year   INTEGER NOT NULL,
    description    TEXT
);

CREATE TABLE recipes (
    name       TEXT PRIMARY KEY,
    format     TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE kolada_responses (
    url        TEXT PRIMARY KEY,
    fetched_at TEXT NOT NULL,
    body       TEXT NOT NULL
);

CREATE TABLE stories (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE story_slides (
    id           INTEGER PRIMARY KEY,
    story_id     INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    indicator_id TEXT,
    chart_kind   TEXT,
    area_id      TEXT,
    title        TEXT,
    body         TEXT,
    notes        TEXT
);
