-- Schema version 50 (issue 21): the user's named comparison sets ("Våra jämförelsekommuner"): chosen
-- municipalities (or other areas) to rank and tabulate the own municipality among. The built-in sets (the
-- county's municipalities, a Kolada "Liknande kommuner" group, all municipalities) are worked out from the
-- areas and are not stored. Plain SQL that PostgreSQL reads too.
CREATE TABLE comparison_sets (
    name    TEXT PRIMARY KEY,
    created TEXT NOT NULL
);
CREATE TABLE comparison_set_members (
    set_name TEXT NOT NULL REFERENCES comparison_sets(name) ON DELETE CASCADE ON UPDATE CASCADE,
    area_id  TEXT NOT NULL,
    PRIMARY KEY (set_name, area_id)
);
